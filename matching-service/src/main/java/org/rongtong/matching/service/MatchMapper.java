package org.rongtong.matching.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.MatchChanged;
import org.rongtong.events.MatchStatus;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.matching.model.WillingnessConverter;
import org.rongtong.matching.rest.MatchView;
import org.rongtong.matching.rest.OpportunityView;
import org.rongtong.matching.rest.ReservePools;
import org.rongtong.web.security.Viewer;

/** The one place where matching-service maps events, entities and API views onto each other. */
public final class MatchMapper {

    private MatchMapper() {
    }

    static void apply(EnterpriseSnapshot s, Candidate target) {
        target.id = s.id();
        target.version = s.version();
        target.name = s.name();
        target.kind = s.kind();
        target.tier = s.tier();
        target.regionCode = s.regionCode();
        target.chains = s.chains() == null ? List.of() : List.copyOf(s.chains());
        target.capabilities = s.capabilities() == null ? List.of() : List.copyOf(s.capabilities());
        target.description = s.description();
        target.products = s.products();
        target.willingness = WillingnessConverter.copyOf(s.willingness());
        target.active = s.active();
        target.employees = s.employees();
        target.revenue = s.revenue();
    }

    static void apply(DemandSnapshot s, OpenDemand target) {
        target.id = s.id();
        target.version = s.version();
        target.publisherId = s.publisherId();
        target.field = s.field();
        target.chain = s.chain();
        target.title = s.title();
        target.description = s.description();
        target.requiredCapabilities = s.requiredCapabilities() == null ? List.of() : List.copyOf(s.requiredCapabilities());
        target.regionCodes = s.regionCodes() == null ? List.of() : List.copyOf(s.regionCodes());
        target.status = s.status();
        target.deadline = s.deadline();
        target.preferences = s.preferences();
        target.effectivePreferences = null; // read again from the new text and fields
    }

    /** A detached copy for the index, so that no managed entity is shared across sessions. */
    static Candidate copy(Candidate c) {
        Candidate copy = new Candidate();
        copy.id = c.id;
        copy.version = c.version;
        copy.name = c.name;
        copy.kind = c.kind;
        copy.tier = c.tier;
        copy.regionCode = c.regionCode;
        copy.chains = c.chains;
        copy.capabilities = c.capabilities;
        copy.description = c.description;
        copy.products = c.products;
        copy.willingness = c.willingness;
        copy.active = c.active;
        copy.employees = c.employees;
        copy.revenue = c.revenue;
        return copy;
    }

    /** A detached copy of a demand for the in-memory board (DemandBoard). */
    static OpenDemand copy(OpenDemand d) {
        OpenDemand copy = new OpenDemand();
        copy.id = d.id;
        copy.version = d.version;
        copy.publisherId = d.publisherId;
        copy.field = d.field;
        copy.chain = d.chain;
        copy.title = d.title;
        copy.description = d.description;
        copy.requiredCapabilities = d.requiredCapabilities;
        copy.regionCodes = d.regionCodes;
        copy.status = d.status;
        copy.deadline = d.deadline;
        copy.rankedAt = d.rankedAt;
        copy.preferences = d.preferences;
        return copy;
    }

    /**
     * @param registeredIn where an enterprise is registered (null if unknown): the event carries the publisher's and each
     *                     candidate's region, from which consumers decide what each bureau may see (ADR 0017)
     */
    static DemandMatched toEvent(OpenDemand demand, String regionCode, String publisherRegion, List<Match> matches,
            java.util.function.Function<UUID, String> registeredIn, Instant at) {
        List<DemandMatched.Candidate> candidates = matches.stream()
                .map(m -> new DemandMatched.Candidate(m.id, m.enterpriseId, m.enterpriseName, m.rank, m.score, m.reasons,
                        registeredIn.apply(m.enterpriseId)))
                .toList();
        return new DemandMatched(demand.id, demand.version, demand.publisherId, demand.field, demand.chain, demand.title,
                regionCode, candidates, at, publisherRegion);
    }

    /** Where a demand lands for bureaus: its first region constraint, else its publisher's region (null if unknown). */
    static String regionOf(OpenDemand demand, String publisherRegion) {
        return !demand.regionCodes.isEmpty() ? demand.regionCodes.get(0) : publisherRegion;
    }

    static MatchChanged toEvent(Match m, OpenDemand demand, String publisherRegion, String enterpriseRegion, MatchStatus previous,
            String via, UUID proposalId, Instant at) {
        return toEvent(m, demand, publisherRegion, enterpriseRegion, previous, via, proposalId, at, null);
    }

    static MatchChanged toEvent(Match m, OpenDemand demand, String publisherRegion, String enterpriseRegion, MatchStatus previous,
            String via, UUID proposalId, Instant at, org.rongtong.events.CloseReason endReason) {
        return new MatchChanged(m.id, m.version, demand.id, demand.publisherId, m.enterpriseId, m.enterpriseName, demand.field,
                demand.chain, demand.title, regionOf(demand, publisherRegion), previous, m.status, via, proposalId, m.note, at,
                endReason, publisherRegion, enterpriseRegion);
    }

    public static MatchView toView(Match m) {
        return new MatchView(m.id, m.demandId, m.enterpriseId, m.enterpriseName, m.rank, m.score, m.status, m.origin, m.version,
                m.note, m.reasons, m.createdAt, m.updatedAt);
    }

    /** A match as a viewer of its demand's list sees it: the note the parties wrote stays between them. */
    public static MatchView toView(Match m, Viewer viewer, UUID publisherId) {
        boolean party = viewer.actsFor(m.enterpriseId) || viewer.actsFor(publisherId);
        return new MatchView(m.id, m.demandId, m.enterpriseId, m.enterpriseName, m.rank, m.score, m.status, m.origin, m.version,
                party ? m.note : null, m.reasons, m.createdAt, m.updatedAt);
    }

    /** A match as the candidate sees it: with the demand it is for. */
    public static OpportunityView toOpportunity(Match m, OpenDemand d) {
        return new OpportunityView(m.id, d.id, d.publisherId, d.title, d.field, d.chain, d.status, d.deadline, m.rank, m.score,
                m.status, m.version, m.reasons, m.createdAt, m.updatedAt);
    }

    public static ReservePools.Entry toPoolEntry(Match m, OpenDemand d) {
        return new ReservePools.Entry(m.id, d.id, d.title, d.field, d.chain, m.enterpriseId, m.enterpriseName, m.score, m.status,
                m.shortlistedAt);
    }
}
