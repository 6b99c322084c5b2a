package org.rongtong.matching.model;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A proposal already counted as interest: a replayed proposal event moves nothing twice. */
@Entity
@Table(name = "proposal_seen")
public class ProposalSeen extends PanacheEntityBase {

    @Id
    public UUID id;

    public long version;
}
