package org.rongtong.matching.service;

import java.time.Instant;
import java.util.List;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.matching.rest.MatchView;
import org.rongtong.persistence.WillingnessMapConverter;

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
        target.willingness = WillingnessMapConverter.copyOf(s.willingness());
        target.active = s.active();
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
        return copy;
    }

    static DemandMatched toEvent(OpenDemand demand, String regionCode, List<Match> matches, Instant at) {
        List<DemandMatched.Candidate> candidates = matches.stream()
                .map(m -> new DemandMatched.Candidate(m.id, m.enterpriseId, m.enterpriseName, m.rank, m.score, m.reasons))
                .toList();
        return new DemandMatched(demand.id, demand.version, demand.publisherId, demand.field, demand.chain, demand.title,
                regionCode, candidates, at);
    }

    public static MatchView toView(Match m) {
        return new MatchView(m.id, m.demandId, m.enterpriseId, m.enterpriseName, m.rank, m.score, m.status.name(), m.reasons,
                m.createdAt);
    }
}
