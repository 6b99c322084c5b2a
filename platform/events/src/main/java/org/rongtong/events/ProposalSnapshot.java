package org.rongtong.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal (拟合作事项) after a change: who proposed what against which demand. It also counts as interest.
 * The proposal's description, offer and attachments are readable by the demand's publisher only, so they stay in
 * demand-service and never travel in events (a bureau may consume this topic directly). {@code closeReason} says why a
 * {@code CLOSED} proposal was closed for its proposer; null in any other status.
 */
public record ProposalSnapshot(
        UUID id,
        long version,
        UUID demandId,
        UUID publisherId,
        UUID proposerId,
        String title,
        ProposalStatus status,
        Instant submittedAt,
        Instant updatedAt,
        CloseReason closeReason) {

    /** Without a close reason: an open or withdrawn proposal (the snapshot before {@code closeReason} existed). */
    public ProposalSnapshot(UUID id, long version, UUID demandId, UUID publisherId, UUID proposerId, String title,
            ProposalStatus status, Instant submittedAt, Instant updatedAt) {
        this(id, version, demandId, publisherId, proposerId, title, status, submittedAt, updatedAt, null);
    }
}
