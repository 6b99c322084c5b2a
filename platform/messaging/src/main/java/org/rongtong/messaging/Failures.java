package org.rongtong.messaging;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts a consumer's failure into what to do with its record (docs/adr/0012-retries-dead-letters-retention.md).
 * The cause chain is walked, since Hibernate Reactive, Mutiny and Vert.x wrap the database's error in theirs.
 */
public final class Failures {

    /** What a failure says about its record. */
    public enum Kind {
        /** The record is fine; the database or broker is not (connection lost, failover, lock timeout, serialization). */
        TRANSIENT,
        /** The record is fine but came before one it depends on, from another topic: wait for it. */
        NOT_YET,
        /** The record can never be processed as it is: park it at once. */
        POISON,
        /** Anything else (a bug, a race): a few attempts, then park it. */
        UNKNOWN
    }

    /**
     * SQLSTATEs of faults that pass: connection exceptions (08), serialization failure and deadlock (40001, 40P01),
     * lock not available (55P03), operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect
     * now), insufficient resources (53), a read-only transaction after a failover to a standby (25006).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03", "57014", "25006");

    /** Class names (simple) of client-side faults that pass: the connection, the pool or the broker, not the record. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("ConnectException", "ClosedConnectionException", "ClosedChannelException",
            "ConnectTimeoutException", "NoRouteToHostException", "UnknownHostException", "SocketException", "TimeoutException",
            "NoStackTraceTimeoutException", "JDBCConnectionException", "LockTimeoutException", "PessimisticLockException",
            "TransactionTimedOutException");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PoisonEventException) {
                return Kind.POISON;
            }
            if (t instanceof NotYetException) {
                return Kind.NOT_YET;
            }
            String state = sqlState(t);
            if (state != null) {
                return ofSqlState(state, t.getMessage());
            }
            if (t instanceof org.apache.kafka.common.errors.RetriableException || TRANSIENT_CLASSES.contains(t.getClass().getSimpleName())
                    || isConnectionClosed(t)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNKNOWN;
    }

    static Kind ofSqlState(String state, String message) {
        if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
            return Kind.TRANSIENT;
        }
        // 55000 is generic, but "database ... is not currently accepting connections" is a database closed for maintenance
        if ("55000".equals(state) && message != null && message.toLowerCase(Locale.ROOT).contains("accepting connections")) {
            return Kind.TRANSIENT;
        }
        // data exceptions (a value too long, a bad number) and integrity violations are the record's, whenever it is tried;
        // a unique violation may be a race between replicas that the next attempt sees through
        if (state.startsWith("22") || (state.startsWith("23") && !"23505".equals(state))) {
            return Kind.POISON;
        }
        return Kind.UNKNOWN;
    }

    /** Vert.x says "Connection was closed" or "Pool closed" in plain exceptions. */
    private static boolean isConnectionClosed(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("connection was closed") || m.contains("connection refused") || m.contains("connection reset")
                || m.contains("failed to connect") || m.contains("connection is closed");
    }

    /** The SQLSTATE of a JDBC SQLException or of a Vert.x PgException ({@code getSqlState()}), read without depending on either. */
    private static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("io.vertx.")) {
                try {
                    Method m = c.getMethod("getSqlState");
                    Object state = m.invoke(t);
                    return state == null ? null : state.toString();
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
