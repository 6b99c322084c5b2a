package org.rongtong.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PrometheusTextTest {

    private static final String TEXT = """
            # HELP rongtong_matches_answered_total Answers
            # TYPE rongtong_matches_answered_total counter
            rongtong_matches_answered_total{status="interested"} 3.0
            rongtong_matches_answered_total{status="confirmed"} 1.0 # {span_id="00f067aa0ba902b7",trace_id="4bf92f3577b34da6a3ce929d0e0e4736"} 1.0 1764470000.000
            rongtong_dead_letters_total{topic="a.b.v1",note="x\\"y, z"} 2.0
            rongtong_outbox_backlog 7.0
            kafka_consumer_fetch_manager_records_lag_max{client_id="kafka-consumer-demands",kafka_version="4.1.2"} NaN
            """;

    @Test
    void readsSamplesByNameAndLabels() {
        PrometheusText metrics = PrometheusText.parse(TEXT);
        assertEquals(3.0, metrics.value("rongtong_matches_answered_total", "status", "interested"));
        assertEquals(4.0, metrics.value("rongtong_matches_answered_total"), "without labels: the sum of all (an exemplar after a value is not a value)");
        assertEquals(2.0, metrics.value("rongtong_dead_letters_total", "topic", "a.b.v1", "note", "x\"y, z"));
        assertEquals(7.0, metrics.value("rongtong_outbox_backlog"));
        assertTrue(Double.isNaN(metrics.value("kafka_consumer_fetch_manager_records_lag_max", "client_id", "kafka-consumer-demands")));
    }

    @Test
    void anAbsentSampleFailsOrReadsAsZeroWhenAsked() {
        PrometheusText metrics = PrometheusText.parse(TEXT);
        assertFalse(metrics.has("rongtong_matches_answered_total", "status", "declined"));
        assertEquals(0.0, metrics.valueOrZero("rongtong_matches_answered_total", "status", "declined"));
        assertThrows(AssertionError.class, () -> metrics.value("rongtong_nothing_total"));
    }
}
