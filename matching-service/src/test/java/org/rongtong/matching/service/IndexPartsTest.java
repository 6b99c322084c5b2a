package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.service.ProfileDocuments.Profile;

/** The parts of the enterprise index one at a time: evidence packing, comparable text, documents, distinct processes. */
@Tag("unit")
class IndexPartsTest {

    private final Thesaurus thesaurus = Thesaurus.standard();
    private final ProfileDocuments documents = new ProfileDocuments("cjk", thesaurus, false);

    @Test
    void evidenceKeepsConceptFieldExactnessAndRolesThroughPacking() {
        long packed = Evidence.pack(4711, IndexFields.F_PRODUCTS, true, 0b1010);
        assertEquals(4711, Evidence.conceptOf(packed));
        assertEquals(IndexFields.F_PRODUCTS, Evidence.fieldOf(packed));
        assertTrue(Evidence.exactOf(packed));
        assertEquals(0b1010, Evidence.rolesOf(packed));
        assertFalse(Evidence.exactOf(Evidence.pack(1, 0, false, 0)));
    }

    @Test
    void comparableTextIsNfkcLowerCaseWithoutSpacesAndChineseTextStaysAsItIs() {
        assertEquals("cnc加工", ThesaurusText.comparable("ＣＮＣ 加工"));
        String chinese = "精密注塑、模具开发。";
        assertTrue(chinese == ThesaurusText.comparable(chinese), "no copy of text already comparable");
        assertEquals("", ThesaurusText.comparable(null));
        assertTrue(ThesaurusText.latinBoundary("pcb板", 0, 3));
        assertFalse(ThesaurusText.latinBoundary("pcba", 0, 3));
    }

    @Test
    void aDocumentCarriesTheTermsOnlyInTheFieldsItsKindMayAnswerAndIsWillingFor() {
        Candidate sme = candidate(EnterpriseKind.SME, Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG,
                CooperationField.TECH_RND, Willingness.NONE));
        Document doc = documents.document(documents.profileOf(sme));
        assertNotNull(doc.getField(IndexFields.willingField(CooperationField.PRODUCT_SUPPORTING)));
        assertNull(doc.getField(IndexFields.willingField(CooperationField.TECH_RND)), "not willing: no field");
        assertNull(doc.getField(IndexFields.ALL_TEXT), "the engine's index keeps no plain-text field");
        List<String> regions = java.util.Arrays.stream(doc.getFields(IndexFields.REGION)).map(IndexableField::stringValue).toList();
        assertEquals(List.of("37", "3702", "370211"), regions);
    }

    @Test
    void aProfileFindsTheConceptsOfItsCapabilitiesAndOffersThemAsComparableText() {
        Profile p = documents.profileOf(candidate(EnterpriseKind.SME, Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG)));
        assertTrue(p.evidence().length > 0, "精密注塑 names a concept");
        assertTrue(p.offer().contains("精密注塑"));
        assertEquals(p.candidate().capabilities.size(), p.tagRoles().length);
    }

    @Test
    void aLookalikePairAppliesOnlyWhenTheOfferNamesTheLookalikeAndNotTheWantedTerm() {
        List<String[]> pairs = List.<String[]>of(new String[] {"注塑", "注塑机", "EQUIPMENT"});
        assertEquals("注塑 ≠ 注塑机 (EQUIPMENT)", DistinctProcesses.lookalikeIn(pairs, "注塑机制造"));
        assertNull(DistinctProcesses.lookalikeIn(pairs, "注塑机制造。精密注塑"));
        assertNull(DistinctProcesses.lookalikeIn(List.of(), "注塑机制造"));
    }

    @Test
    void analysedTermsAreTheSameForTheIndexAndForQueries() throws Exception {
        try (EnterpriseIndex index = new EnterpriseIndex("cjk", thesaurus)) {
            assertArrayEquals(documents.terms("精密注塑").toArray(), index.terms("精密注塑").toArray());
        }
    }

    private static Candidate candidate(EnterpriseKind kind, Map<CooperationField, Willingness> willingness) {
        Candidate c = new Candidate();
        c.id = java.util.UUID.randomUUID();
        c.version = 1;
        c.name = "青岛精密注塑有限公司";
        c.kind = kind;
        c.regionCode = "370211";
        c.chains = List.of("HOME_APPLIANCES");
        c.capabilities = List.of("精密注塑", "模具开发");
        c.products = "家电注塑件";
        c.description = "为家电企业提供精密注塑件";
        c.willingness = new EnumMap<>(willingness);
        c.active = true;
        return c;
    }
}
