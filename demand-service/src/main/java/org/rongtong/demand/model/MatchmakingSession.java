package org.rongtong.demand.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.rongtong.events.SessionStatus;
import org.rongtong.persistence.StringListConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A matchmaking session (对接活动 / 专场) a bureau holds for one or more chains. */
@Entity
@Table(name = "matchmaking_session")
public class MatchmakingSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String name;

    @Column(name = "session_date")
    public LocalDate date;

    @Column(name = "region_code")
    public String regionCode;

    public String venue;

    @Convert(converter = StringListConverter.class)
    public List<String> chains;

    @Column(name = "participant_ids")
    @Convert(converter = UuidListConverter.class)
    public List<UUID> participantIds;

    @Column(name = "demand_ids")
    @Convert(converter = UuidListConverter.class)
    public List<UUID> demandIds;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    /** Who scheduled it: the token's subject, for the audit trail. */
    public String organiser;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
