package org.rongtong.registry.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.persistence.WillingnessMapConverter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
public class Enterprise extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The aggregate version: 1 at registration, one more per change; also the optimistic lock. */
    @Version
    public long version;

    public String name;

    @Column(name = "credit_code")
    public String creditCode;

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

    @Convert(converter = WillingnessMapConverter.class)
    public Map<CooperationField, Willingness> willingness;

    public boolean active;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<Boolean> activeWithCreditCode(String creditCode) {
        return count("creditCode = ?1 and active = true", creditCode).map(n -> n > 0);
    }
}
