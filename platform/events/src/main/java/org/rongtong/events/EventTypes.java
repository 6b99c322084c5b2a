package org.rongtong.events;

import java.util.List;

/** CloudEvents {@code type} values. The suffix is the contract version; within v1 fields are only ever added. */
public final class EventTypes {
    public static final String ENTERPRISE_REGISTERED = "rongtong.registry.enterprise.registered.v1";
    public static final String ENTERPRISE_UPDATED = "rongtong.registry.enterprise.updated.v1";
    public static final String ENTERPRISE_DEACTIVATED = "rongtong.registry.enterprise.deactivated.v1";
    public static final String ENTERPRISE_REACTIVATED = "rongtong.registry.enterprise.reactivated.v1";

    public static final String DEMAND_PUBLISHED = "rongtong.demand.demand.published.v1";
    public static final String DEMAND_UPDATED = "rongtong.demand.demand.updated.v1";
    public static final String DEMAND_CLOSED = "rongtong.demand.demand.closed.v1";
    public static final String DEMAND_WITHDRAWN = "rongtong.demand.demand.withdrawn.v1";
    public static final String DEMAND_EXPIRED = "rongtong.demand.demand.expired.v1";

    public static final String PROPOSAL_SUBMITTED = "rongtong.demand.proposal.submitted.v1";
    public static final String PROPOSAL_WITHDRAWN = "rongtong.demand.proposal.withdrawn.v1";
    /** An open proposal ended by its demand's end or its proposer's deactivation ({@link ProposalSnapshot#closeReason}). */
    public static final String PROPOSAL_CLOSED = "rongtong.demand.proposal.closed.v1";

    public static final String SESSION_SCHEDULED = "rongtong.demand.session.scheduled.v1";
    /** A scheduled session rescheduled or otherwise edited (PUT with If-Match) before it was held. */
    public static final String SESSION_UPDATED = "rongtong.demand.session.updated.v1";
    public static final String SESSION_HELD = "rongtong.demand.session.held.v1";
    public static final String SESSION_CANCELLED = "rongtong.demand.session.cancelled.v1";

    public static final String DEMAND_MATCHED = "rongtong.matching.demand.matched.v1";
    /** Candidates added to (and displaced from) a ranked demand's list by reverse matching ({@link DemandCandidatesChanged}). */
    public static final String DEMAND_CANDIDATES_CHANGED = "rongtong.matching.demand.candidates-changed.v1";
    public static final String MATCH_INTERESTED = "rongtong.matching.match.interested.v1";
    public static final String MATCH_DECLINED = "rongtong.matching.match.declined.v1";
    public static final String MATCH_SHORTLISTED = "rongtong.matching.match.shortlisted.v1";
    public static final String MATCH_REJECTED = "rongtong.matching.match.rejected.v1";
    public static final String MATCH_CONFIRMED = "rongtong.matching.match.confirmed.v1";
    /** A live match ended because its demand ended or its candidate was deactivated ({@link MatchChanged#endReason}). */
    public static final String MATCH_ENDED = "rongtong.matching.match.ended.v1";

    public static final List<String> ENTERPRISE_TYPES = List.of(
            ENTERPRISE_REGISTERED, ENTERPRISE_UPDATED, ENTERPRISE_DEACTIVATED, ENTERPRISE_REACTIVATED);
    public static final List<String> DEMAND_TYPES = List.of(
            DEMAND_PUBLISHED, DEMAND_UPDATED, DEMAND_CLOSED, DEMAND_WITHDRAWN, DEMAND_EXPIRED);
    public static final List<String> PROPOSAL_TYPES = List.of(PROPOSAL_SUBMITTED, PROPOSAL_WITHDRAWN, PROPOSAL_CLOSED);
    public static final List<String> SESSION_TYPES = List.of(SESSION_SCHEDULED, SESSION_UPDATED, SESSION_HELD, SESSION_CANCELLED);
    public static final List<String> MATCH_TYPES = List.of(DEMAND_MATCHED);
    /** The deltas of a candidate list after its first ranking; on the same topic as {@link #DEMAND_MATCHED}. */
    public static final List<String> MATCH_DELTA_TYPES = List.of(DEMAND_CANDIDATES_CHANGED);
    /** The moves of a match's lifecycle, each carrying {@link MatchChanged}; on the same topic as {@link #DEMAND_MATCHED}. */
    public static final List<String> MATCH_MOVE_TYPES = List.of(
            MATCH_INTERESTED, MATCH_DECLINED, MATCH_SHORTLISTED, MATCH_REJECTED, MATCH_CONFIRMED, MATCH_ENDED);

    private EventTypes() {
    }
}
