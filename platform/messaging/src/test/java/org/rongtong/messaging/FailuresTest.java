package org.rongtong.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FailuresTest {

    private static Failures.Kind of(Throwable t) {
        return Failures.classify(new CompletionException(new RuntimeException("wrapped", t)));
    }

    @Test
    void databaseAndBrokerFaultsThatPassAreTransientWhereverTheyAreWrapped() {
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("serialization", "40001")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("deadlock", "40P01")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("lock timeout", "55P03")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("connection failure", "08006")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("read-only after failover", "25006")));
        assertEquals(Failures.Kind.TRANSIENT, of(new SQLException("database \"x\" is not currently accepting connections", "55000")));
        assertEquals(Failures.Kind.TRANSIENT, of(new ConnectException("Connection refused")));
        assertEquals(Failures.Kind.TRANSIENT, of(new IllegalStateException("Connection was closed")));
        assertEquals(Failures.Kind.TRANSIENT, of(new org.apache.kafka.common.errors.TimeoutException("broker away")));
    }

    @Test
    void theRecordsOwnFaultsArePoisonAndTheRestUnknown() {
        assertEquals(Failures.Kind.POISON, of(new PoisonEventException("unreadable")));
        assertEquals(Failures.Kind.POISON, of(new SQLException("value too long for type character varying(300)", "22001")));
        assertEquals(Failures.Kind.POISON, of(new SQLException("check violation", "23514")));
        assertEquals(Failures.Kind.UNKNOWN, of(new SQLException("duplicate key", "23505")), "a race between replicas: retried a few times");
        assertEquals(Failures.Kind.UNKNOWN, of(new SQLException("object in use", "55000")));
        assertEquals(Failures.Kind.UNKNOWN, of(new NullPointerException()));
        assertEquals(Failures.Kind.NOT_YET, of(new NotYetException("demand not here yet")));
    }
}
