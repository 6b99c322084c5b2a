package org.rongtong.notification.service;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** One page of a list and the total it belongs to. */
final class Paging {

    record Counted<T>(List<T> items, long total) {
    }

    private Paging() {
    }

    /**
     * Counted first, then listed, one after the other on the session: rows here are only ever added, so a page never
     * holds fewer rows than its total promises (listing and counting at once let a commit in between answer a total
     * with no items, seen once in EndToEndIT).
     */
    static <T> Uni<Counted<T>> countThenList(PanacheQuery<T> query) {
        return query.count().chain(total -> query.list().map(items -> new Counted<>(items, total)));
    }
}
