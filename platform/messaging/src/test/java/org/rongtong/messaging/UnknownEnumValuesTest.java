package org.rongtong.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CloudEventHeaders;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.mutiny.Uni;

/**
 * A newer producer may add enum values within .v1 (docs/asyncapi.yaml): consumers read such events, never park them.
 * A new entry in a list or map of enums is left out; a new value in a field of its own makes the event skipped.
 */
@Tag("unit")
class UnknownEnumValuesTest {

    private static final ObjectMapper WRITER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private static EnterpriseSnapshot enterprise() {
        return new EnterpriseSnapshot(UUID.randomUUID(), 3, "青岛海尔模具有限公司", "91370200MA3C5XYZ12", EnterpriseKind.SME, "LITTLE_GIANT",
                "370203", List.of("智能家电"), List.of("精密注塑"), "模具", Map.of(CooperationField.TECH_RND, Willingness.STRONG,
                        CooperationField.PROCUREMENT, Willingness.OPEN), true, T0, T0);
    }

    private static DemandSnapshot demand() {
        return new DemandSnapshot(UUID.randomUUID(), 2, UUID.randomUUID(), CooperationField.PROCUREMENT, "智能家电", "注塑件采购",
                "年供 10 万件", List.of("精密注塑"), List.of("3702"), BigDecimal.ONE, BigDecimal.TEN, T0, DemandStatus.PUBLISHED, T0, T0);
    }

    private static CloudEvent event(String type, ObjectNode data) {
        return new CloudEvent(UUID.randomUUID().toString(), type, "/rongtong/test", "subject", data.toString());
    }

    @Test
    void anUnknownCooperationFieldInWillingnessIsLeftOutAndTheRestOfTheEnterpriseRead() {
        ObjectNode data = WRITER.valueToTree(enterprise());
        ((ObjectNode) data.get("willingness")).put("SPACE_TOURISM", "STRONG").put("TALENT_SHARING", "EAGER");

        EnterpriseSnapshot read = event(EventTypes.ENTERPRISE_UPDATED, data).dataAs(EnterpriseSnapshot.class).orElseThrow();

        assertEquals(Map.of(CooperationField.TECH_RND, Willingness.STRONG, CooperationField.PROCUREMENT, Willingness.OPEN),
                read.willingness(), "the unknown field and the unknown willingness are left out");
        assertEquals(enterprise().name(), read.name());
        assertEquals(EnterpriseKind.SME, read.kind());
    }

    @Test
    void anUnknownValueInAFieldOfItsOwnMakesTheEventSkippedNotPoison() {
        ObjectNode status = WRITER.valueToTree(demand());
        status.put("status", "SUSPENDED");
        ObjectNode kind = WRITER.valueToTree(enterprise());
        kind.put("kind", "RESEARCH_INSTITUTE");

        assertTrue(event(EventTypes.DEMAND_UPDATED, status).dataAs(DemandSnapshot.class).isEmpty());
        assertTrue(event(EventTypes.ENTERPRISE_REGISTERED, kind).dataAs(EnterpriseSnapshot.class).isEmpty());
    }

    @Test
    void knownDataWithUnknownFieldsReadsAsBefore() {
        ObjectNode data = WRITER.valueToTree(demand());
        data.put("priority", "HIGH").putObject("newSection").put("x", 1);

        assertEquals(demand().title(), event(EventTypes.DEMAND_PUBLISHED, data).dataAs(DemandSnapshot.class).orElseThrow().title());
    }

    @Test
    void unreadableDataIsStillPoison() {
        CloudEvent broken = new CloudEvent("1", EventTypes.DEMAND_PUBLISHED, "/rongtong/test", "s", "{\"version\": \"not a number\"");

        assertThrows(PoisonEventException.class, () -> broken.dataAs(DemandSnapshot.class));
    }

    @Test
    void aConsumerSkipsAnEventItCannotUnderstandAndGoesOnWithoutParkingIt() {
        ObjectNode data = WRITER.valueToTree(demand());
        data.put("field", "LOW_ALTITUDE_ECONOMY");
        AtomicReference<DemandSnapshot> handled = new AtomicReference<>();

        Uni<Void> outcome = EventRetry.handleEvent(record(EventTypes.DEMAND_UPDATED, data), EventTypes.DEMAND_TYPES, DemandSnapshot.class,
                (event, snapshot) -> {
                    handled.set(snapshot);
                    return Uni.createFrom().voidItem();
                });

        outcome.await().indefinitely(); // completes: acknowledged, not failed towards the dead-letter topic
        assertEquals(null, handled.get(), "the handler never sees a demand of a field it does not know");

        data.put("field", "PROCUREMENT");
        EventRetry.handleEvent(record(EventTypes.DEMAND_UPDATED, data), EventTypes.DEMAND_TYPES, DemandSnapshot.class,
                (event, snapshot) -> {
                    handled.set(snapshot);
                    return Uni.createFrom().voidItem();
                }).await().indefinitely();
        assertFalse(handled.get() == null, "a demand it understands is handled");
    }

    private static ConsumerRecord<String, String> record(String type, ObjectNode data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.DEMANDS, 0, 0L, "key", data.toString());
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
