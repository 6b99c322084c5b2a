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

import org.rongtong.events.DemandMatched;
import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A demand × candidate pair with its score and the reasons for it. */
@Entity
public class Match extends PanacheEntityBase {

    public enum Status {
        PROPOSED, INTERESTED, DECLINED, SHORTLISTED, REJECTED, COOPERATING
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
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<List<Match>> forDemand(UUID demandId) {
        return list("demandId = ?1 order by rank", demandId);
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
