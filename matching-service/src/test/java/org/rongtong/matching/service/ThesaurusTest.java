package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capability thesaurus as data: concepts across wording, roles, distinct processes, lookalikes, operators' files. */
@Tag("unit")
class ThesaurusTest {

    private final Thesaurus shipped = Thesaurus.standard();

    @Test
    void theShippedThesaurusCoversEveryChainWithHundredsOfConcepts() {
        assertTrue(shipped.size() >= 600, "concepts: " + shipped.size());
        assertFalse(shipped.version().isBlank());
    }

    @Test
    void differentWordingsOfOneCapabilityNameTheSameConcept() {
        var injection = shipped.concepts("注射成型");
        assertFalse(injection.isEmpty());
        assertTrue(shipped.concepts("注塑件加工").keySet().stream().anyMatch(injection::containsKey), "注塑件加工 and 注射成型");
        assertEquals(shipped.canonical("注塑"), shipped.canonical("注射成型"));
    }

    @Test
    void aRoleMarkerAtTheEndOfATagNamesItsRoleButNotInsideALongerPhrase() {
        Thesaurus t = Thesaurus.parse("version\tt\nrole\tDISTRIBUTION\t*代理\nconcept\tmcu\t*\tMCU,微控制器\t\n");
        int distribution = t.roleBit("DISTRIBUTION");
        assertEquals(distribution, t.roles("MCU代理"));
        assertEquals(0, t.roles("专利代理服务"));
    }

    @Test
    void aCapabilityFollowedByItsMachineIsTheEquipmentMakersRole() {
        Thesaurus t = Thesaurus.parse("version\tt\nconcept\tinjection\t*\t注塑,注射成型\t\n");
        List<Long> found = new ArrayList<>();
        t.evidence("注塑机制造", 0, 0, found);
        assertEquals(1, found.size());
        assertTrue((Evidence.rolesOf(found.get(0)) & t.roleBit(Thesaurus.EQUIPMENT)) != 0);
        found.clear();
        t.evidence("注塑机构件加工", 0, 0, found); // 机构 is a mechanism, not a machine
        assertEquals(0, Evidence.rolesOf(found.get(0)));
    }

    @Test
    void aDistinctProcessIsAConflictOnlyWhenTheAskedOneIsNotOffered() {
        Thesaurus t = Thesaurus.parse("version\tt\ndistinct\t注塑,压铸,锻造\n");
        assertEquals("压铸", t.distinctProcesses().conflictOf(List.of("精密注塑"), List.of("铝合金压铸")));
        assertNull(t.distinctProcesses().conflictOf(List.of("精密注塑"), List.of("铝合金压铸", "注塑")));
    }

    @Test
    void operatorsExtendTheShippedThesaurusWithAFileOfTheSameFormat(@TempDir Path dir) throws Exception {
        Path extra = dir.resolve("local.tsv");
        Files.writeString(extra, "# local additions\nconcept\tseaweed_fertiliser\t*\t海藻肥,海藻有机肥\t海藻提取物\n",
                StandardCharsets.UTF_8);
        Thesaurus extended = Thesaurus.load(List.of(extra));
        assertEquals(shipped.size() + 1, extended.size());
        Integer concept = extended.concepts("海藻有机肥").keySet().stream().findFirst().orElse(null);
        assertNotNull(concept);
        assertEquals("seaweed_fertiliser", extended.concept(concept).id());
    }

    @Test
    void aMalformedLineIsRefusedWithItsPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thesaurus.parse("concept\tonly_two\n"));
        assertTrue(e.getMessage().contains(":1:"), e.getMessage());
    }
}
