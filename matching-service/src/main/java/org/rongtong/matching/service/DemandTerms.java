package org.rongtong.matching.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A demand as the engine reads it ({@link DemandReader}): {@code reasonTerms}, its weightiest terms (by where they
 * stand × idf), which a text reason names when a profile holds them; the query's {@code clauses} and the ones
 * {@code finding} the window; the {@code ideal} BM25 score; the {@code concepts} of its capabilities, title and
 * description; what it {@code asked} (one entry per required capability, or the title's concepts when it lists none);
 * the business roles in which an offer would be a lookalike ({@code foreignRoles}: those the field does not accept and
 * the demand does not name); the groups of {@code distinct} processes it asks a member of; and the {@code lookalikes}
 * pairs that apply.
 */
public record DemandTerms(String[] reasonTerms, List<IndexFields.Clause> clauses, List<IndexFields.Clause> finding,
        double ideal, Map<Integer, Double> concepts, List<Asked> asked, int foreignRoles, List<DistinctProcesses.Group> distinct,
        List<String[]> lookalikes) {

    /**
     * One asked capability: its words, the thesaurus concepts they name (exact or near), and its character bigrams (for
     * similar wording, worked out once per demand rather than once per hit).
     */
    public record Asked(String label, String comparable, Map<Integer, Boolean> concepts, Set<Integer> bigrams) {
        Asked(String label, String comparable, Map<Integer, Boolean> concepts) {
            this(label, comparable, concepts, CapabilityEvidence.bigrams(comparable));
        }
    }
}
