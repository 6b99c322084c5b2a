package org.rongtong.notification.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.rongtong.persistence.StringListConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One handled event for the live stream; the time-ordered id is the SSE event id clients resume from. */
@Entity
@Table(name = "stream_event")
public class StreamEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "region_code")
    public String regionCode;

    public String chain;

    public String field;

    @Convert(converter = StringListConverter.class)
    public List<String> enterprises;

    public String payload;

    @Column(name = "publisher_id")
    public UUID publisherId;

    @Column(name = "publisher_region")
    public String publisherRegion;

    /** The enterprises the event names besides the publisher; written with plain SQL only (InboxService). */
    @jakarta.persistence.Transient
    public UUID[] partyIds;

    @jakarta.persistence.Transient
    public String[] partyRegions;

    @Column(name = "created_at")
    public Instant createdAt;
}
