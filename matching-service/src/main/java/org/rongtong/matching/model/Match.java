package org.rongtong.matching.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.rongtong.events.DemandMatched;
import org.rongtong.events.MatchStatus;
import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A demand × candidate pair with its score and the reasons for it. */
@Entity
public class Match extends PanacheEntityBase {

    /** How the match came about. */
    public enum Origin {
        /** the demand's own ranking */
        RANKED,
        /** a fit registered after the demand was ranked (reverse matching) */
        REVERSE,
        /** the enterprise submitted a proposal without being proposed: it counts as interest */
        PROPOSAL
    }

    @Id
    public UUID id;

    @Column(name = "demand_id")
    public UUID demandId;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "enterprise_name")
    public String enterpriseName;

    public int rank;

    public double score;

    @Convert(converter = ReasonsConverter.class)
    public List<DemandMatched.Reason> reasons;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    /** Bumped by every move; two racing moves cannot both win. */
    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    /** What the last one to move wrote with the answer. */
    public String note;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the candidate first answered (interest or decline, or a proposal): what the participation KPI counts. */
    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "shortlisted_at")
    public Instant shortlistedAt;

    public static Uni<List<Match>> forDemand(UUID demandId) {
        return list("demandId = ?1 order by rank", demandId);
    }

    public static Uni<Match> forPair(UUID demandId, UUID enterpriseId) {
        return find("demandId = ?1 and enterpriseId = ?2", demandId, enterpriseId).firstResult();
    }

    public static Uni<Boolean> existForDemand(UUID demandId) {
        return count("demandId", demandId).map(n -> n > 0);
    }

    public static class ReasonsConverter extends JsonConverter<List<DemandMatched.Reason>> {
        public ReasonsConverter() {
            super(new TypeReference<>() {
            });
        }
    }
}
