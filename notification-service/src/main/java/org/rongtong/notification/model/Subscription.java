package org.rongtong.notification.model;

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

import org.rongtong.persistence.StringListConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A webhook target with its filter; the owner's scope limits what it may ever receive. */
@Entity
public class Subscription extends PanacheEntityBase {

    public enum OwnerKind {
        /** Receives only events about its own enterprise (as publisher or candidate). */
        ENTERPRISE,
        /** Receives only events whose region lies within its region prefix. */
        BUREAU,
        /** Operator or partner: anything. */
        PLATFORM
    }

    public enum Status {
        ACTIVE, PAUSED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_kind")
    public OwnerKind ownerKind;

    @Column(name = "owner_enterprise_id")
    public UUID ownerEnterpriseId;

    @Column(name = "owner_region")
    public String ownerRegion;

    public String url;

    public String description;

    @Convert(converter = StringListConverter.class)
    @Column(name = "event_types")
    public List<String> eventTypes;

    @Column(name = "region_prefix")
    public String regionPrefix;

    @Convert(converter = StringListConverter.class)
    public List<String> chains;

    @Convert(converter = StringListConverter.class)
    public List<String> fields;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
