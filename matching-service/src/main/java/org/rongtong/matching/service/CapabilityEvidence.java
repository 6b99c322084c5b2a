package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * How much of what a demand asks for a profile offers (ADR 0011): each asked capability met by a tag (1), by a
 * thesaurus concept found in the profile, credited by field and by synonym or near-term (a find in a business role the
 * demand does not ask for does not count), or by similar wording where no thesaurus entry covers it.
 */
final class CapabilityEvidence {

    /** Credit of a concept found, by field (capabilities, products, description, name) and by synonym or near-term. */
    private static final double[] EXACT_CREDIT = {1.0, 0.9, 0.75, 0.6};
    private static final double[] NEAR_CREDIT = {0.6, 0.55, 0.45, 0.35};
    /** Bigram overlap (Dice) from which an asked capability counts as partly met by wording no thesaurus entry covers. */
    private static final double WORDING_SIMILARITY = 0.5;

    private final Thesaurus thesaurus;

    CapabilityEvidence(Thesaurus thesaurus) {
        this.thesaurus = thesaurus;
    }

    /**
     * @param share    the mean credit over the asked capabilities that could be judged, in [0, 1]
     * @param assessed the share of the asked capabilities that could be judged (a thesaurus concept or some credit);
     *                 wording nobody lists is left to the text similarity
     * @param credits  the credit of each asked capability
     */
    record Met(double share, double assessed, String detail, Map<DemandTerms.Asked, Double> credits, double sum) {
    }

    Met of(OpenDemand d, DemandTerms terms, ProfileDocuments.Profile profile) {
        Candidate c = profile.candidate();
        double sum = 0;
        int assessable = 0;
        List<String> met = new ArrayList<>();
        Map<DemandTerms.Asked, Double> credits = new java.util.HashMap<>();
        for (DemandTerms.Asked a : terms.asked()) {
            double credit = 0;
            String how = null;
            double tag = d.requiredCapabilities.isEmpty() ? 0 : Scorer.tagCredit(thesaurus, a.label(), c.capabilities);
            if (tag > 0) {
                credit = tag;
                how = tag >= 1 ? "tag" : "part of a tag";
            }
            for (long e : profile.evidence()) {
                Boolean exact = a.concepts().get(Evidence.conceptOf(e));
                if (exact == null || (Evidence.rolesOf(e) & terms.foreignRoles()) != 0) {
                    continue;
                }
                int field = Evidence.fieldOf(e);
                double value = (exact && Evidence.exactOf(e) ? EXACT_CREDIT : NEAR_CREDIT)[field];
                if (value > credit) {
                    credit = value;
                    how = "concept " + thesaurus.concept(Evidence.conceptOf(e)).canonical() + " in " + IndexFields.TEXT_FIELDS.get(field);
                }
            }
            if (credit < WORDING_SIMILARITY) {
                double similar = bestWordingSimilarity(a, c);
                if (similar >= WORDING_SIMILARITY && similar * 0.8 > credit) {
                    credit = similar * 0.8;
                    how = "similar wording";
                }
            }
            if (credit > 0) {
                met.add(a.label() + " (" + how + ")");
            }
            credits.put(a, credit);
            // wording the thesaurus does not know and no tag resembles is left to the text similarity
            if (credit > 0 || !a.concepts().isEmpty()) {
                assessable++;
                sum += credit;
            }
        }
        double weight = (double) assessable / terms.asked().size();
        String detail = met.isEmpty() ? (assessable == 0 ? "asked capabilities judged by text only" : "no asked capability met")
                : "met " + String.join("、", met) + " (" + met.size() + " of " + terms.asked().size() + ")";
        return new Met(assessable == 0 ? 0 : Math.min(1.0, sum / assessable), weight, detail, credits, sum);
    }

    /** Dice coefficient of character bigrams between an asked capability and the closest tag. */
    private static double bestWordingSimilarity(DemandTerms.Asked asked, Candidate c) {
        double best = 0;
        for (String tag : c.capabilities) {
            best = Math.max(best, dice(asked.comparable(), asked.bigrams(), ThesaurusText.comparable(tag)));
        }
        return best;
    }

    static double dice(String a, Set<Integer> x, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        Set<Integer> y = bigrams(b);
        int common = 0;
        for (Integer g : x) {
            if (y.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + y.size());
    }

    static Set<Integer> bigrams(String s) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add((s.charAt(i) << 16) | s.charAt(i + 1));
        }
        return out;
    }
}
