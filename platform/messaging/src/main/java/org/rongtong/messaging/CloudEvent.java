package org.rongtong.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.rongtong.events.CloudEventHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from the {@code ce_*} headers, data as JSON.
 * Unknown fields in the data are ignored and unknown enum values tolerated, as the contract rules require of consumers
 * ({@link #dataAs}). {@code traceparent} and
 * {@code tracestate} are the W3C trace context the producer sent (null without one), for work that leaves the
 * consumer's own span behind, such as a webhook delivery sent later (ADR traces-across-kafka).
 */
public record CloudEvent(String id, String type, String source, String subject, String data, String traceparent, String tracestate) {

    public CloudEvent(String id, String type, String source, String subject, String data) {
        this(id, type, source, subject, data, null, null);
    }

    private static final Logger LOG = Logger.getLogger(CloudEvent.class);
    private static final ObjectMapper MAPPER = UnknownEnumValues.tolerate(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();

    public static CloudEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("Not a CloudEvent: ce_id or ce_type header missing at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        return new CloudEvent(id, type, header(record, CloudEventHeaders.SOURCE), header(record, CloudEventHeaders.SUBJECT),
                record.value(), header(record, CloudEventHeaders.TRACEPARENT), header(record, CloudEventHeaders.TRACESTATE));
    }

    /**
     * The data as a contract record; unreadable data is a poison event, not worth retrying. A value of an enum this
     * consumer does not know (a newer producer's, docs/adr/0033-platform-edges-and-tolerant-event-reading.md) is no
     * poison: in a list or map of enums its entry is left out and the rest read; in a field of its own (a status, a
     * kind, a cooperation field) the event cannot be understood, so it is empty, and the consumer skips the event
     * (logged, acknowledged, never dead-lettered).
     */
    public <T> Optional<T> dataAs(Class<T> contract) {
        List<String> unknown = new ArrayList<>();
        T read;
        try {
            read = UnknownEnumValues.noting(MAPPER.readerFor(contract), unknown).readValue(data);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("Event " + id + " of type " + type + " has unreadable data: " + e.getMessage(), e);
        }
        if (!unknown.isEmpty()) {
            LOG.warnf("Skipping event %s of type %s: it holds values this service does not know yet %s", id, type, unknown);
            return Optional.empty();
        }
        return Optional.of(read);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
