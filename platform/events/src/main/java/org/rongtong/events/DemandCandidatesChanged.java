package org.rongtong.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed in a demand's candidate list since its last event, after its first ranking (DemandMatched): the
 * candidates reverse matching {@code added} and the unanswered ones they {@code displaced} from a full list (ADR 0022).
 * Coalesced over a short window per demand; the whole list stays on the REST resource. Keyed by the demand id, on the
 * same topic as DemandMatched; the demand's fields are those of DemandMatched, so consumers scope it the same way.
 */
public record DemandCandidatesChanged(
        UUID demandId,
        long demandVersion,
        UUID publisherId,
        CooperationField field,
        String chain,
        String title,
        String regionCode,
        List<DemandMatched.Candidate> candidates,
        List<Displaced> displaced,
        Instant changedAt,
        String publisherRegionCode) {

    /** A candidate that left the list (never answered): its match is gone. */
    public record Displaced(UUID matchId, UUID enterpriseId, String regionCode) {
    }

    /** The added candidates as a candidate list, for consumers that handle both alike. */
    public DemandMatched asMatched() {
        return new DemandMatched(demandId, demandVersion, publisherId, field, chain, title, regionCode, candidates, changedAt,
                publisherRegionCode);
    }
}
