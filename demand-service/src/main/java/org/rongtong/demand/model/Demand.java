package org.rongtong.demand.model;

import java.math.BigDecimal;
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

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.persistence.StringListConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Demand extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The aggregate version: 1 when created, one more per change; also the optimistic lock. */
    @Version
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

    @Column(name = "budget_min")
    public BigDecimal budgetMin;

    @Column(name = "budget_max")
    public BigDecimal budgetMax;

    public Instant deadline;

    @Enumerated(EnumType.STRING)
    public DemandStatus status;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public String specification;

    public BigDecimal quantity;

    @Column(name = "quantity_unit")
    public String quantityUnit;

    // --- preferences (DemandPreferences), each optional; all null when the demand states none

    /** Preferred SME tier codes, distinct; null when none (a JSON array, like requiredCapabilities). */
    @Column(name = "preferred_tiers")
    @Convert(converter = OptionalStringListConverter.class)
    public List<String> preferredTiers;

    @Column(name = "prefer_in_province")
    public Boolean preferInProvince;

    @Column(name = "min_employees")
    public Integer minEmployees;

    /** In CNY (yuan), like registry-service's enterprise revenue. */
    @Column(name = "min_revenue")
    public BigDecimal minRevenue;

    @Column(name = "annual_volume")
    public BigDecimal annualVolume;

    @Column(name = "annual_volume_unit")
    public String annualVolumeUnit;

    /** The contact person: personal data, shown only to those acting for the publisher, never in events. */
    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;
}
