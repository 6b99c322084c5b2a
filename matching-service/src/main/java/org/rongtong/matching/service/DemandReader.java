package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rongtong.matching.model.OpenDemand;
import org.rongtong.matching.service.DemandTerms.Asked;

/**
 * Reads a demand as the engine ranks it ({@link DemandTerms}): its terms weighted by where they stand and by idf over
 * the profiles willing for its field, the query's clauses, its thesaurus concepts, what it asks, the business roles
 * that would make an offer a lookalike, and the distinct processes and lookalike pairs that apply.
 */
final class DemandReader {

    /** The demand's terms looked for in each field of a hit, to say which were found: an explanation, not a score. */
    private static final int MAX_QUERY_TERMS = 16;
    private static final int MAX_RETRIEVAL_TERMS = 32;
    /** Clauses that find the window; the rest only score it (finding it with all of them: p50 16 ms at a million, ADR 0011 Measurements). */
    private static final int FINDING_CLAUSES = 20;
    /**
     * Terms in more than this share of the willing profiles (and more than 1,000 of them) find everyone and tell
     * nothing: they stay out of the query.
     */
    private static final double MAX_RETRIEVAL_DF = 0.2;

    private final EnterpriseIndex index;
    private final Thesaurus thesaurus;

    DemandReader(EnterpriseIndex index, Thesaurus thesaurus) {
        this.index = index;
        this.thesaurus = thesaurus;
    }

    DemandTerms read(OpenDemand d) {
        if (d.title == null) {
            d.title = ""; // the contract requires one; a projection row without it must not stop the ranking
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        for (String capability : d.requiredCapabilities) {
            analyse(capability, 3.0, raw);
        }
        analyse(d.title, 2.0, raw);
        analyse(d.description, 1.0, raw);
        Map<Integer, Double> concepts = new LinkedHashMap<>();
        List<Asked> asked = asked(d);
        for (Asked a : asked) {
            a.concepts().forEach((c, exact) -> concepts.merge(c, exact ? 3.0 : 1.5, Math::max));
        }
        thesaurus.concepts(d.title).forEach((c, exact) -> concepts.merge(c, exact ? 2.0 : 1.0, Math::max));
        thesaurus.concepts(d.description).forEach((c, exact) -> concepts.merge(c, exact ? 1.0 : 0.5, Math::max));
        List<String> lookups = new ArrayList<>(raw.keySet());
        concepts.keySet().forEach(c -> lookups.add(IndexFields.CONCEPT_PREFIX + thesaurus.concept(c).id()));
        Map<String, long[]> frequencies = index.documentFrequencies(d.field, lookups);
        Map<String, Double> weighted = new LinkedHashMap<>();
        raw.forEach((term, weight) -> {
            long[] df = frequencies.get(term);
            // a term no profile holds cannot tell candidates apart: the reason does not look for it
            if (df[0] > 0) {
                weighted.put(term, weight * idf(df));
            }
        });
        String[] reasonTerms = weighted.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_QUERY_TERMS).map(Map.Entry::getKey).toArray(String[]::new);
        String askedText = d.title + "。" + String.join("、", d.requiredCapabilities);
        List<String> askedAndTitle = new ArrayList<>(d.requiredCapabilities);
        askedAndTitle.add(d.title);
        int named = namedRoles(askedAndTitle);
        // the query: up to 32 terms, weighted by where they stand (BM25 brings the idf), and the concepts, the asked ones
        // above all; terms held by a large share of the registry (公司, 配套) cost the most to walk and tell the least
        List<IndexFields.Clause> clauses = new ArrayList<>();
        raw.entrySet().stream().filter(e -> frequencies.get(e.getKey())[0] > 0
                        && frequencies.get(e.getKey())[0] <= Math.max(MAX_RETRIEVAL_DF * frequencies.get(e.getKey())[1], 1_000))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(MAX_RETRIEVAL_TERMS)
                .forEach(e -> clauses.add(new IndexFields.Clause(IndexFields.willingTerm(d.field, e.getKey()),
                        e.getValue().floatValue())));
        concepts.forEach((concept, weight) -> clauses.add(new IndexFields.Clause(IndexFields.willingTerm(d.field,
                IndexFields.CONCEPT_PREFIX + thesaurus.concept(concept).id()), weight.floatValue())));
        int foreign = 0;
        for (int r = 0; r < thesaurus.roleCount(); r++) {
            if ((named & (1 << r)) == 0 && KindRules.roleIsLookalike(d.field, thesaurus.roleName(r))) {
                foreign |= 1 << r;
            }
        }
        // a lookalike pair whose relation is a role the demand names or its field accepts (维修 in a repair-training
        // demand) does not apply
        int foreignRoles = foreign;
        List<String[]> pairs = thesaurus.distinctProcesses().lookalikesFor(askedText).stream().filter(pair -> {
            int bit = thesaurus.roleBit(pair[2]);
            return bit == 0 || (foreignRoles & bit) != 0;
        }).toList();
        // what a profile holding every clause's term once, at the average length, would score (Lucene's BM25 idf)
        double ideal = 0;
        for (IndexFields.Clause c : clauses) {
            long[] df = frequencies.get(c.term().text());
            if (df[0] > 0) {
                ideal += c.boost() * idf(df) / (1 + IndexFields.BM25_K1);
            }
        }
        // the window is found with the most telling clauses only (the weightiest by boost × idf: the asked words and
        // concepts, rare words of the title); every clause then scores the window (see candidates)
        List<IndexFields.Clause> finding = clauses.stream()
                .filter(c -> frequencies.get(c.term().text())[0] > 0)
                .sorted(Comparator.comparingDouble((IndexFields.Clause c) -> -c.boost()
                        * idf(frequencies.get(c.term().text()))))
                .limit(FINDING_CLAUSES).toList();
        return new DemandTerms(reasonTerms, clauses, finding, ideal, concepts, asked, foreign,
                thesaurus.distinctProcesses().groupsAsked(askedAndTitle), pairs);
    }

    /**
     * The business roles a demand names itself, phrase by phrase (its title, each required capability), with the same
     * rules as for profiles: markers, markers that end a phrase (注塑设备, 设备维修) and a capability followed by its
     * machine (注塑机采购). A role the demand names is what it wants, never a lookalike.
     */
    private int namedRoles(List<String> phrases) {
        int named = 0;
        List<Long> found = new ArrayList<>();
        for (String phrase : phrases) {
            named |= thesaurus.roles(phrase);
            thesaurus.evidence(phrase, 0, 0, found);
        }
        for (long e : found) {
            named |= Evidence.rolesOf(e);
        }
        return named;
    }

    /** What a demand asks for: one entry per required capability, or the concepts its title names when it lists none. */
    private List<Asked> asked(OpenDemand d) {
        List<Asked> asked = new ArrayList<>();
        for (String capability : d.requiredCapabilities) {
            asked.add(new Asked(capability, ThesaurusText.comparable(capability), thesaurus.concepts(capability)));
        }
        if (asked.isEmpty()) {
            thesaurus.concepts(d.title).forEach((concept, exact) -> asked.add(new Asked(thesaurus.concept(concept).canonical(),
                    thesaurus.concept(concept).canonical(), Map.of(concept, exact))));
        }
        return asked;
    }

    private static double idf(long[] df) {
        return Math.log(1 + (df[1] - df[0] + 0.5) / (df[0] + 0.5));
    }

    private void analyse(String text, double weight, Map<String, Double> into) {
        if (text != null) {
            for (String token : index.terms(text)) {
                into.merge(token, weight, Math::max);
            }
        }
    }
}
