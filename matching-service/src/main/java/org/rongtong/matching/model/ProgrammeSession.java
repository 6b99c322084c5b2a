package org.rongtong.matching.model;

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

import org.rongtong.events.SessionStatus;
import org.rongtong.persistence.StringListConverter;

/** matching-service's projection of a matchmaking session (from demand.sessions.v1), for the programme KPIs. */
@Entity
@Table(name = "session")
public class ProgrammeSession extends io.quarkus.hibernate.reactive.panache.PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    /** The province, prefecture or county prefix it is held for. */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "held_on")
    public LocalDate heldOn;

    @Convert(converter = StringListConverter.class)
    public List<String> chains;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;
}
