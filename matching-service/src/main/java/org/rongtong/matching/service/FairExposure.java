package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.events.DemandMatched.Reason;
import org.rongtong.matching.config.MatchingConfig;

/**
 * Spreads opportunities (ADR 0008): an enterprise that is already a live candidate (proposed, interested or
 * shortlisted) for more than {@code free} open demands keeps {@code 1 − step × (n − free)} of its score, never less
 * than {@code floor}. The damping only re-orders: whether a candidate is proposed at all is decided on its undamped
 * score. Its effect shows as an {@code exposure} reason with a negative contribution, so the reasons still add up.
 */
public final class FairExposure {

    private final MatchingConfig.Exposure config;

    public FairExposure(MatchingConfig.Exposure config) {
        this.config = config;
    }

    public double factor(int openCandidacies) {
        int beyond = Math.max(0, openCandidacies - config.free());
        return Math.max(config.floor(), 1.0 - config.step() * beyond);
    }

    /** The score {@link #damp} gives, without writing its reason: what ordering a window needs. */
    public double dampedScore(Scorer.Scored scored, Map<UUID, Integer> openCandidacies) {
        double factor = factor(openCandidacies.getOrDefault(scored.candidate().id, 0));
        return factor >= 1.0 ? scored.score() : scored.score() * factor;
    }

    public Scorer.Scored damp(Scorer.Scored scored, Map<UUID, Integer> openCandidacies) {
        int n = openCandidacies.getOrDefault(scored.candidate().id, 0);
        double factor = factor(n);
        if (factor >= 1.0) {
            return scored;
        }
        double damped = scored.score() * factor;
        List<Reason> reasons = new ArrayList<>(scored.reasons());
        reasons.add(new Reason("exposure", damped - scored.score(),
                String.format("already a candidate for %d open demands: score × %.2f to spread opportunities", n, factor)));
        return new Scorer.Scored(scored.candidate(), damped, List.copyOf(reasons));
    }
}
