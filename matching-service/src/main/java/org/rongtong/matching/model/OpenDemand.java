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
import jakarta.persistence.Table;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandPreferences;
import org.rongtong.events.DemandStatus;
import org.rongtong.persistence.JsonConverter;

import com.fasterxml.jackson.core.type.TypeReference;
import org.rongtong.persistence.StringListConverter;

/** matching-service's projection of a demand, kept from demand-service's events. */
@Entity
@Table(name = "open_demand")
public class OpenDemand extends io.quarkus.hibernate.reactive.panache.PanacheEntityBase {

    @Id
    public UUID id;

    public long version;

    @Column(name = "publisher_id")
    public UUID publisherId;

    @Enumerated(EnumType.STRING)
    public CooperationField field;

    public String chain;

    public String title;

    public String description;

    @Column(name = "required_capabilities")
    @Convert(converter = StringListConverter.class)
    public List<String> requiredCapabilities;

    @Column(name = "region_codes")
    @Convert(converter = StringListConverter.class)
    public List<String> regionCodes;

    @Enumerated(EnumType.STRING)
    public DemandStatus status;

    public Instant deadline;

    /** Set when the demand is first ranked; later fits (reverse matching) join its list from then on. */
    @Column(name = "ranked_at")
    public Instant rankedAt;

    /** What the publisher stated it prefers (null when nothing); ranking also reads preferences from the text. */
    @Convert(converter = PreferencesConverter.class)
    public DemandPreferences preferences;

    /** The stated preferences completed from the text, computed once when the demand is first scored. */
    @jakarta.persistence.Transient
    public org.rongtong.matching.service.Preferences effectivePreferences;

    public static class PreferencesConverter extends JsonConverter<DemandPreferences> {
        public PreferencesConverter() {
            super(new TypeReference<>() {
            });
        }
    }
}
