package org.rongtong.demand.model;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rongtong.events.EnterpriseKind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** demand-service's projection of an enterprise: just enough to decide who may publish and propose. */
@Entity
@Table(name = "known_enterprise")
public class KnownEnterprise extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The registry's aggregate version; an event with a version at or below it changes nothing. */
    public long version;

    public String name;

    @Enumerated(EnumType.STRING)
    public EnterpriseKind kind;

    @Column(name = "region_code")
    public String regionCode;

    public boolean active;
}
