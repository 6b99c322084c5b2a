package org.rongtong.registry.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.rongtong.persistence.JsonConverter;
import org.rongtong.persistence.StringListConverter;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

@Entity
public class Enterprise extends PanacheEntityBase {

    /** Personal data kept with the enterprise; never copied into events. */
    public record Contact(String name, String role, String phone, String email) {
    }

    @Id
    public UUID id;

    /** The aggregate version: 1 at registration, one more per change; also the optimistic lock and the ETag. */
    @Version
    public long version;

    public String name;

    @Column(name = "english_name")
    public String englishName;

    @Column(name = "credit_code")
    public String creditCode;

    @Enumerated(EnumType.STRING)
    public EnterpriseKind kind;

    public String tier;

    @Column(name = "tier_level")
    public String tierLevel;

    @Column(name = "tier_year")
    public Integer tierYear;

    @Column(name = "tier_valid_until")
    public LocalDate tierValidUntil;

    @Column(name = "region_code")
    public String regionCode;

    @Convert(converter = StringListConverter.class)
    public List<String> chains;

    @Convert(converter = StringListConverter.class)
    public List<String> capabilities;

    public String description;

    public String products;

    @Convert(converter = StringListConverter.class)
    public List<String> certifications;

    @Convert(converter = WillingnessConverter.class)
    public Map<CooperationField, Willingness> willingness;

    public Integer employees;

    public BigDecimal revenue;

    @Column(name = "year_founded")
    public Integer yearFounded;

    @Convert(converter = ContactsConverter.class)
    public List<Contact> contacts;

    public boolean active;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<Boolean> activeWithCreditCode(String creditCode) {
        return count("creditCode = ?1 and active = true", creditCode).map(n -> n > 0);
    }

    public static class ContactsConverter extends JsonConverter<List<Contact>> {
        public ContactsConverter() {
            super(new TypeReference<>() {
            });
        }
    }
}
