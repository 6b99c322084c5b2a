package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.DemandMatched.Reason;
import org.rongtong.events.Willingness;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * The transparent, reciprocal score (ADR 0003, extended by ADR 0006): every component is a share of a perfect score
 * with its evidence. A candidate that declared no willingness for the demand's field is not proposed at all, nor one
 * outside the demand's region constraint, nor one of a kind that makes no sense for the field, nor the publisher.
 * Text relevance comes from {@link MatchEngine}, which also does the candidate retrieval from the index.
 */
@ApplicationScoped
public class Scorer {

    private final MatchingConfig config;

    public Scorer(MatchingConfig config) {
        this.config = config;
    }

    public record Scored(Candidate candidate, double score, List<Reason> reasons) {
    }

    /** idf-weighted share in [0, 1] of the demand's terms found in the profile, and the terms found per field. */
    public record TextMatch(double share, Map<String, List<String>> termsByField) {
        public static final TextMatch NONE = new TextMatch(0, Map.of());
    }

    public Optional<Scored> score(OpenDemand demand, String publisherRegion, Candidate candidate) {
        return score(demand, publisherRegion, candidate, TextMatch.NONE);
    }

    /**
     * @param referenceRegion where proximity is measured from: the demand's region constraint that the candidate
     *                        satisfies, else the publisher's region; may be null
     */
    public Optional<Scored> score(OpenDemand demand, String publisherRegion, Candidate candidate, TextMatch text) {
        if (!candidate.active || candidate.id.equals(demand.publisherId) || !KindRules.allows(demand.field, candidate.kind)) {
            return Optional.empty();
        }
        Willingness willingness = candidate.willingness.getOrDefault(demand.field, Willingness.NONE);
        if (willingness == Willingness.NONE || !withinRegionConstraint(demand.regionCodes, candidate.regionCode)
                || Synonyms.standard().conflict(demand.requiredCapabilities, candidate.capabilities) != null) {
            return Optional.empty();
        }
        MatchingConfig.Weights w = config.weights();
        List<Reason> reasons = new ArrayList<>();

        List<String> matched = matchedCapabilities(demand.requiredCapabilities, candidate.capabilities);
        double capabilityShare = demand.requiredCapabilities.isEmpty() ? 0 : (double) matched.size() / demand.requiredCapabilities.size();
        boolean sameChain = candidate.chains.contains(demand.chain);
        if (matched.isEmpty() && !sameChain && text.share() == 0) {
            return Optional.empty();
        }
        add(reasons, "capability", w.capability() * capabilityShare, matched.isEmpty() ? "no required capability matched"
                : "matched " + String.join("、", matched) + " (" + matched.size() + " of " + demand.requiredCapabilities.size() + ")");
        add(reasons, "text", w.text() * text.share(), textDetail(text));
        add(reasons, "willingness", w.willingness() * (willingness == Willingness.STRONG ? 1.0 : 0.6),
                willingness + " willingness for " + demand.field);
        add(reasons, "chain", sameChain ? w.chain() : 0, sameChain ? "on chain " + demand.chain : "not on chain " + demand.chain);

        String reference = demand.regionCodes.isEmpty() ? publisherRegion : demand.regionCodes.stream()
                .filter(candidate.regionCode::startsWith).findFirst().orElse(publisherRegion);
        double proximity = proximity(reference, candidate.regionCode);
        add(reasons, "region", w.region() * proximity, regionDetail(proximity, candidate.regionCode));
        double tier = tierWeight(candidate.tier);
        add(reasons, "tier", w.tier() * tier, candidate.tier == null ? "no tier" : "tier " + candidate.tier);

        double score = reasons.stream().mapToDouble(Reason::contribution).sum();
        if (score < config.minimumScore()) {
            return Optional.empty();
        }
        return Optional.of(new Scored(candidate, round(score), reasons));
    }

    static boolean withinRegionConstraint(List<String> regionCodes, String candidateRegion) {
        return regionCodes.isEmpty() || regionCodes.stream().anyMatch(candidateRegion::startsWith);
    }

    /**
     * Tags are first brought to their canonical synonym form (注射成型 → 注塑, see {@link Synonyms}).
     * A required capability is met by an equal tag, by an offered tag containing it (精密注塑 meets 注塑), or by an
     * offered tag of two or more characters contained in it (注塑 meets 精密注塑, partly), ignoring case and width.
     */
    static List<String> matchedCapabilities(List<String> required, List<String> offered) {
        Synonyms synonyms = Synonyms.standard();
        List<String> offeredNormal = offered.stream().map(synonyms::canonical).toList();
        List<String> matched = new ArrayList<>();
        for (String need : required) {
            String n = synonyms.canonical(need);
            if (offeredNormal.stream().anyMatch(o -> o.equals(n) || o.contains(n) || (o.length() >= 2 && n.contains(o)))) {
                matched.add(need);
            }
        }
        return matched;
    }

    /** 1 for the same county, 0.7 same prefecture, 0.4 same province, else 0. Codes may be 2, 4 or 6 digits. */
    static double proximity(String reference, String candidateRegion) {
        if (reference == null || reference.length() < 2) {
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
        if (text.termsByField().isEmpty()) {
            return "no term of the demand in the profile";
        }
        StringBuilder sb = new StringBuilder("terms found (" + Math.round(text.share() * 100) + "% of the demand's weight): ");
        text.termsByField().forEach((field, terms) -> sb.append(field).append(' ').append(String.join("/", terms)).append("; "));
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
