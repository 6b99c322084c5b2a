package org.rongtong.notification.service;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rows as one typed array per column, for {@code INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)}: one
 * statement for a whole batch, which the consumer's write path needs (see InboxService.onDemandMatched).
 */
final class UnnestRows {

    record Column<T>(Class<?> type, Function<T, ?> value) {
    }

    private UnnestRows() {
    }

    static <T> Column<T> column(Class<?> type, Function<T, ?> value) {
        return new Column<>(type, value);
    }

    /** A timestamptz column from an instant. */
    static <T> Column<T> time(Function<T, Instant> value) {
        return new Column<>(OffsetDateTime.class, row -> OffsetDateTime.ofInstant(value.apply(row), ZoneOffset.UTC));
    }

    @SafeVarargs
    static <T> Tuple arrays(List<T> rows, Column<T>... columns) {
        List<Object> arrays = new ArrayList<>(columns.length);
        for (Column<T> column : columns) {
            Object array = Array.newInstance(column.type(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Array.set(array, i, column.value().apply(rows.get(i)));
            }
            arrays.add(array);
        }
        return Tuple.from(arrays);
    }
}
