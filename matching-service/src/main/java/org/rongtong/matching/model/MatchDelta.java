package org.rongtong.matching.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One change to a ranked demand's candidate list waiting to go out: a candidate added or displaced by reverse
 * matching. Written in the reverse match's transaction; the delta flusher coalesces a demand's pending rows into one
 * demand.candidates-changed event (ADR 0022).
 */
@Entity
@Table(name = "match_delta")
public class MatchDelta extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "demand_id")
    public UUID demandId;

    @Column(name = "match_id")
    public UUID matchId;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    /** True: the candidate joined the list; false: it was displaced from it. */
    public boolean added;

    /** Where the candidate is registered (null if unknown): consumers scope the delta by it as they do a list. */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "created_at")
    public Instant createdAt;
}
