package org.rongtong.matching.service;

import java.util.List;

import org.apache.lucene.index.Term;
import org.rongtong.events.CooperationField;

/** The fields of an enterprise's index document, and how retrieval terms are named. */
final class IndexFields {

    static final float BM25_K1 = 1.2f;

    /** A weighted retrieval term: one SHOULD clause of a demand's query (BM25 with k1 = {@link #BM25_K1}, b = 0.75). */
    public record Clause(Term term, float boost) {
    }

    private IndexFields() {
    }

    static final String ID = "id";
    /** The id again, as 16 bytes of doc values: how a hit finds its profile. */
    static final String ID_BYTES = "id_bytes";
    static final String REGION = "region";
    static final String CAPABILITIES = "capabilities";
    static final String PRODUCTS = "products";
    static final String DESCRIPTION = "description";
    static final String NAME = "name";
    static final List<String> TEXT_FIELDS = List.of(CAPABILITIES, PRODUCTS, DESCRIPTION, NAME);
    /**
     * Retrieval terms: every analysed term of the four text fields (and the profile's thesaurus concepts), in one field
     * per cooperation field the enterprise is willing for and its kind may answer ({@code willing_text.TECH_RND}). A
     * query for a demand's field walks only the posting lists of such profiles, so neither willingness nor kind needs
     * a filter, the lists are a fraction as long (ADR 0006, speed), and each field's length norm is the profile's own
     * length, whatever the number of fields it is willing for.
     */
    static final String WILLING_TEXT = "willing_text";
    /**
     * The same terms once, without the field prefix: only in a {@linkplain EnterpriseIndex#plainText plain-text} index, the BM25
     * baseline of the evaluation and the benchmark. The engine's index leaves it out (a quarter of its size).
     */
    static final String ALL_TEXT = "all_text";

    /** A thesaurus concept as an index term ({@code ≈injection_moulding}): retrieval by meaning, not by wording. */
    static final String CONCEPT_PREFIX = "≈";
    /** Field numbers of the evidence, in {@link #TEXT_FIELDS} order. */
    static final int F_CAPABILITIES = 0;
    static final int F_PRODUCTS = 1;
    static final int F_DESCRIPTION = 2;
    static final int F_NAME = 3;

    /** The retrieval field of the profiles willing for one cooperation field. */
    static String willingField(CooperationField field) {
        return WILLING_TEXT + "." + field.name();
    }

    /** The retrieval term of an analysed text term (or a concept) for one cooperation field. */
    static Term willingTerm(CooperationField field, String term) {
        return new Term(willingField(field), term);
    }
}
