package org.rongtong.matching.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.persistence.StringListConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** matching-service's projection of an enterprise, kept from the registry's events. */
@Entity
public class Candidate extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The registry's aggregate version; events at or below it change nothing. */
    public long version;

    public String name;

    @Enumerated(EnumType.STRING)
    public EnterpriseKind kind;

    public String tier;

    @Column(name = "region_code")
    public String regionCode;

    @Convert(converter = StringListConverter.class)
    public List<String> chains;

    @Convert(converter = StringListConverter.class)
    public List<String> capabilities;

    public String description;

    /** Free text of what it makes or offers (optional in the event). */
    public String products;

    @Convert(converter = WillingnessConverter.class)
    public Map<CooperationField, Willingness> willingness;

    public boolean active;

    /** Size, for the demand's stated minimums and volume (optional in the event: null when not stated). */
    public Integer employees;

    /** Annual revenue in CNY (yuan), as the registry keeps it. */
    public java.math.BigDecimal revenue;
}
