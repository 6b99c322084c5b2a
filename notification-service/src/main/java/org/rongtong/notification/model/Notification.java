package org.rongtong.notification.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One message in one recipient's inbox. */
@Entity
public class Notification extends PanacheEntityBase {

    public enum RecipientKind {
        /** One enterprise, named by {@link #enterpriseId}. */
        ENTERPRISE,
        /**
         * Every bureau whose region prefix covers {@link #regionCode}: about a demand published there (whole), or, when
         * {@link #publisherRegion} is set, about the candidates registered there of a demand published elsewhere (a
         * bureau covering {@code publisherRegion} as well has the whole demand already and is not shown this one).
         */
        BUREAU
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind")
    public RecipientKind recipientKind;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "publisher_region")
    public String publisherRegion;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "demand_id")
    public UUID demandId;

    public String title;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
