package org.rongtong.notification.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.rongtong.persistence.StringListConverter;
import org.rongtong.web.security.Viewer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A webhook target with its filter. It keeps its owner's view (role, subject, enterprise, granted enterprises, region):
 * what the owner may see limits what it ever receives, and only the owner (or an operator) manages it (ADR 0017).
 */
@Entity
public class Subscription extends PanacheEntityBase {

    public enum Status {
        ACTIVE, PAUSED
    }

    @Id
    public UUID id;

    /** {@link Viewer#owner()} of the creator. */
    public String owner;

    @Column(name = "owner_role")
    public String ownerRole;

    @Column(name = "owner_subject")
    public String ownerSubject;

    @Convert(converter = StringListConverter.class)
    @Column(name = "owner_granted")
    public List<String> ownerGranted;

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

    /** Sealed by SecretBox: never in plaintext at rest. */
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

    /** The owner's view, as stored when the subscription was created. */
    public Viewer viewer() {
        return viewer(ownerRole, ownerSubject, ownerEnterpriseId, ownerGranted, ownerRegion);
    }

    public static Viewer viewer(String role, String subject, UUID enterpriseId, List<String> granted, String region) {
        Set<UUID> ids = new HashSet<>();
        if (granted != null) {
            granted.forEach(g -> ids.add(UUID.fromString(g)));
        }
        return new Viewer(role, subject, enterpriseId, ids, region);
    }
}
