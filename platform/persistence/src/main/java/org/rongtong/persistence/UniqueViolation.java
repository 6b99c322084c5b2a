package org.rongtong.persistence;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505) anywhere in a failure's cause chain. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            // the reactive client's PgException carries the state in its message: "... (23505)"
            String message = t.getMessage();
            if (message != null && message.contains("(" + UNIQUE_VIOLATION + ")")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
