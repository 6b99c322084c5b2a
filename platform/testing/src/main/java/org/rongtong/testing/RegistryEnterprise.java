package org.rongtong.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;

/**
 * An enterprise event published as the registry would: a full snapshot on the enterprises topic, keyed by its id.
 * Every field has a valid default (a fresh id, a valid credit code in the region, the home-appliance chain), so a test
 * names only what it is about: {@code RegistryEnterprise.of(SME, "370211").capabilities("精密注塑").publish()}.
 */
public final class RegistryEnterprise {

    private UUID id = UUID.randomUUID();
    private long version = 1;
    private String name;
    private final EnterpriseKind kind;
    private String tier;
    private final String region;
    private List<String> chains = List.of("HOME_APPLIANCES");
    private List<String> capabilities = List.of("注塑");
    private String description = "";
    private final Map<CooperationField, Willingness> willingness = new EnumMap<>(CooperationField.class);
    private boolean active = true;

    private RegistryEnterprise(EnterpriseKind kind, String region) {
        this.kind = kind;
        this.region = region;
    }

    public static RegistryEnterprise of(EnterpriseKind kind, String region) {
        return new RegistryEnterprise(kind, region);
    }

    public RegistryEnterprise id(UUID id) {
        this.id = id;
        return this;
    }

    public RegistryEnterprise name(String name) {
        this.name = name;
        return this;
    }

    public RegistryEnterprise tier(String tier) {
        this.tier = tier;
        return this;
    }

    public RegistryEnterprise chains(String... chains) {
        this.chains = List.of(chains);
        return this;
    }

    public RegistryEnterprise capabilities(String... capabilities) {
        return capabilities(List.of(capabilities));
    }

    public RegistryEnterprise capabilities(List<String> capabilities) {
        this.capabilities = List.copyOf(capabilities);
        return this;
    }

    public RegistryEnterprise description(String description) {
        this.description = description;
        return this;
    }

    public RegistryEnterprise willing(CooperationField field, Willingness how) {
        willingness.put(field, how);
        return this;
    }

    public RegistryEnterprise willingness(Map<CooperationField, Willingness> willingness) {
        this.willingness.putAll(willingness);
        return this;
    }

    /** A later version of the same enterprise, active or deactivated. */
    public RegistryEnterprise version(long version, boolean active) {
        this.version = version;
        this.active = active;
        return this;
    }

    public EnterpriseSnapshot snapshot() {
        String shownName = name != null ? name : "测试企业" + id.toString().substring(0, 6);
        return new EnterpriseSnapshot(id, version, shownName, TestData.creditCode(region), kind, tier, region, chains, capabilities,
                description, Map.copyOf(willingness), active, Instant.now(), Instant.now());
    }

    /** Publishes the event the registry would send for this version and answers the enterprise's id. */
    public UUID publish() {
        return publish(snapshot());
    }

    /** Publishes a snapshot built here or elsewhere, with the event type the registry gives its version. */
    public static UUID publish(EnterpriseSnapshot snapshot) {
        return publish(snapshot, typeOf(snapshot));
    }

    /** Publishes a snapshot under an explicit event type: for a test about the types themselves. */
    public static UUID publish(EnterpriseSnapshot snapshot, String type) {
        TopicProbe.publish(Topics.ENTERPRISES, snapshot.id().toString(), type, TestJson.write(snapshot));
        return snapshot.id();
    }

    /** Publishes several snapshots in one producer flush: for a test that needs them to arrive together. */
    public static void publishTogether(EnterpriseSnapshot... snapshots) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (EnterpriseSnapshot s : snapshots) {
            records.add(record(s));
        }
        TopicProbe.publishTogether(records);
    }

    /** The record the registry's relay would send for this snapshot: to publish it together with others. */
    public static ProducerRecord<String, String> record(EnterpriseSnapshot s) {
        return TopicProbe.record(Topics.ENTERPRISES, s.id().toString(), typeOf(s), TestJson.write(s), UUID.randomUUID().toString());
    }

    /** Registered at version 1; later, deactivated or (re)activated by what the snapshot says. */
    static String typeOf(EnterpriseSnapshot snapshot) {
        if (snapshot.version() == 1) {
            return EventTypes.ENTERPRISE_REGISTERED;
        }
        return snapshot.active() ? EventTypes.ENTERPRISE_REACTIVATED : EventTypes.ENTERPRISE_DEACTIVATED;
    }
}
