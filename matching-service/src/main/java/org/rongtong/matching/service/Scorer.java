package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandMatched.Reason;
import org.rongtong.events.Willingness;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * The transparent, reciprocal score (ADR 0011, after ADRs 0003 and 0006): relevance first, structure within a bounded
 * share. Relevance is the evidence of capability fit that {@link MatchEngine} found (required capabilities met by
 * tags or thesaurus concepts, and the demand's text found in the profile); a candidate below the relevance floor is
 * never proposed, whatever its willingness, chain, region or tier. Those then move a relevant candidate by at most
 * {@code structureShare} of its score. Every reason's contribution is a share of the score, so they add up.
 * <p>
 * Hard gates: the candidate is active, not the publisher, of a kind that may answer the field ({@link KindRules}),
 * willing for the field, inside the demand's region constraint, and not a lookalike (a distinct process, or a
 * different business role such as the distributor or the repairer of what is asked).
 */
@ApplicationScoped
public class Scorer {

    private final MatchingConfig config;

    public Scorer(MatchingConfig config) {
        this.config = config;
    }

    public record Scored(Candidate candidate, double score, List<Reason> reasons) {
    }

    /**
     * The text similarity in [0, 1], and the demand's terms the profile holds per field: looked for only when the reason
     * is written, so only for the candidates that pass the gates.
     */
    public record TextMatch(double share, Supplier<Map<String, List<String>>> termsFound) {
        public static final TextMatch NONE = new TextMatch(0, Map::of);
    }

    /**
     * The evidence of capability fit for one pair.
     *
     * @param capabilityShare how much of what the demand asks for the profile offers, in [0, 1]
     * @param assessed        the share of the asked capabilities the thesaurus or the tags could judge: the capability
     *                        weight is scaled by it, and the text weighs the rest (wording no list covers)
     * @param capabilityDetail which asked capabilities were met and how, for the reason
     * @param text            the demand's terms found in the profile
     * @param lookalike       why the profile only looks like a fit (a distinct process, another business role), or null
     */
    public record Relevance(double capabilityShare, double assessed, String capabilityDetail, TextMatch text, String lookalike) {
    }

    /** Whether the hard gates let the candidate be considered for the demand at all (before any relevance is computed). */
    public boolean eligible(OpenDemand demand, Candidate candidate) {
        return candidate.active && !candidate.id.equals(demand.publisherId) && KindRules.allows(demand.field, candidate.kind)
                && candidate.willingness.getOrDefault(demand.field, Willingness.NONE) != Willingness.NONE
                && withinRegionConstraint(demand.regionCodes, candidate.regionCode);
    }

    /**
     * @param publisherRegion the publisher's region: where proximity is measured from when the demand sets no region
     *                        constraint the candidate satisfies, and what "in the province" means; may be null
     */
    public Optional<Scored> score(OpenDemand demand, String publisherRegion, Candidate candidate, Relevance relevance) {
        if (!eligible(demand, candidate) || relevance.lookalike() != null) {
            return Optional.empty();
        }
        MatchingConfig.Weights w = config.weights();
        double text = relevance.text().share();
        double capabilityWeight = w.capability() * relevance.assessed();
        double textWeight = w.text() + w.capability() * (1 - relevance.assessed());
        double relevant = (capabilityWeight * relevance.capabilityShare() + textWeight * text) / (w.capability() + w.text());
        if (relevant < config.minimumRelevance()) {
            return Optional.empty();
        }
        // score = relevance × (1 − share) + relevance × share × structure, each part credited to its component
        double share = config.structureShare();
        double toRelevance = (1 - share) / (w.capability() + w.text());
        double toStructure = relevant * share / structureTotal(w);
        List<Reason> reasons = new ArrayList<>();
        add(reasons, "capability", toRelevance * capabilityWeight * relevance.capabilityShare(), relevance.capabilityDetail());
        add(reasons, "text", toRelevance * textWeight * text, textDetail(relevance.text()));

        Willingness willingness = candidate.willingness.get(demand.field);
        add(reasons, "willingness", toStructure * w.willingness() * (willingness == Willingness.STRONG ? 1.0 : 0.6),
                willingness + " willingness for " + demand.field);
        boolean sameChain = demand.chain != null && candidate.chains.contains(demand.chain);
        add(reasons, "chain", sameChain ? toStructure * w.chain() : 0, sameChain ? "on chain " + demand.chain : "not on chain " + demand.chain);
        String reference = demand.regionCodes.isEmpty() ? publisherRegion : demand.regionCodes.stream()
                .filter(candidate.regionCode::startsWith).findFirst().orElse(publisherRegion);
        double proximity = proximity(reference, candidate.regionCode);
        add(reasons, "region", toStructure * w.region() * proximity, regionDetail(proximity, candidate.regionCode));
        add(reasons, "tier", toStructure * w.tier() * tierWeight(candidate.tier), candidate.tier == null ? "no tier" : "tier " + candidate.tier);
        Preferences.Fit fit = Preferences.of(demand).fit(candidate, publisherRegion, KindRules.preferred(demand.field));
        add(reasons, "preferences", toStructure * w.preferences() * fit.share(), fit.detail());

        double score = reasons.stream().mapToDouble(Reason::contribution).sum();
        if (fit.belowMinimum() != null) {
            // a stated minimum the candidate does not reach keeps it in the list, well below those who do
            double penalty = score * config.belowMinimumPenalty();
            add(reasons, "minimum", -penalty, fit.belowMinimum());
            score -= penalty;
        }
        return Optional.of(new Scored(candidate, round(score), reasons));
    }

    private static double structureTotal(MatchingConfig.Weights w) {
        return w.willingness() + w.chain() + w.region() + w.tier() + w.preferences();
    }

    static boolean withinRegionConstraint(List<String> regionCodes, String candidateRegion) {
        return regionCodes.isEmpty() || candidateRegion != null && regionCodes.stream().anyMatch(candidateRegion::startsWith);
    }

    /**
     * How well the offered tags meet one required capability, both brought to their canonical form first (注射成型 →
     * 注塑, see {@link Thesaurus#canonical}), ignoring case and width: 1 for an equal tag or one containing it (精密注塑
     * meets 注塑), 0.5 for a tag of two or more characters contained in it (注塑 meets 精密注塑, partly), else 0.
     */
    static double tagCredit(Thesaurus thesaurus, String required, List<String> offered) {
        String n = thesaurus.canonical(required);
        double best = 0;
        for (String tag : offered) {
            String o = thesaurus.canonical(tag);
            if (o.equals(n) || o.contains(n)) {
                return 1.0;
            }
            if (o.length() >= 2 && n.contains(o)) {
                best = 0.5;
            }
        }
        return best;
    }

    /** 1 for the same county, 0.7 same prefecture, 0.4 same province, else 0. Codes may be 2, 4 or 6 digits. */
    static double proximity(String reference, String candidateRegion) {
        if (reference == null || reference.length() < 2 || candidateRegion == null) {
            return 0;
        }
        if (reference.length() >= 6 && candidateRegion.startsWith(reference.substring(0, 6))) {
            return 1.0;
        }
        if (reference.length() >= 4 && candidateRegion.startsWith(reference.substring(0, 4))) {
            return 0.7;
        }
        return candidateRegion.startsWith(reference.substring(0, 2)) ? 0.4 : 0;
    }

    static double tierWeight(String tier) {
        if (tier == null) {
            return 0;
        }
        return switch (tier) {
            case "LITTLE_GIANT" -> 1.0;
            case "SPECIALIZED_SME" -> 0.7;
            case "INNOVATIVE_SME" -> 0.4;
            default -> 0.2;
        };
    }

    private static String textDetail(TextMatch text) {
        Map<String, List<String>> found = text.termsFound().get();
        if (found.isEmpty()) {
            return "no term of the demand in the profile";
        }
        StringBuilder sb = new StringBuilder("text similarity " + Math.round(text.share() * 100) + "%, terms found: ");
        found.forEach((field, terms) -> sb.append(field).append(' ').append(String.join("/", terms)).append("; "));
        return sb.substring(0, sb.length() - 2);
    }

    private static String regionDetail(double proximity, String region) {
        if (proximity >= 1.0) {
            return "same county (" + region + ")";
        }
        if (proximity >= 0.7) {
            return "same prefecture (" + region + ")";
        }
        return proximity > 0 ? "same province (" + region + ")" : "other province (" + region + ")";
    }

    private static void add(List<Reason> reasons, String component, double contribution, String detail) {
        reasons.add(new Reason(component, round(contribution), detail));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
