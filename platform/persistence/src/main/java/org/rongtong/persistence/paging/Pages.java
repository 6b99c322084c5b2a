package org.rongtong.persistence.paging;

import java.util.List;
import java.util.function.Supplier;

import org.rongtong.web.rest.Page;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/**
 * The one way a page-numbered list is read (ADR 0032): counted first, listed second, one after the other on the
 * session, and reconciled by {@link Page#of} so that the total never contradicts the page it comes with. Listing before
 * counting let a commit in between answer a total with no items (seen in EndToEndIT).
 */
public final class Pages {

    private Pages() {
    }

    public static <T> Uni<Page<T>> countThenList(PanacheQuery<T> query, int page, int size) {
        return countThenList(query::count, () -> query.page(page, size).list(), page, size);
    }

    /** For native queries: {@code list} must apply the page's LIMIT and OFFSET ({@code Paging.offset}). */
    public static <T> Uni<Page<T>> countThenList(Supplier<Uni<Long>> count, Supplier<Uni<List<T>>> list, int page, int size) {
        return count.get().chain(total -> list.get().map(items -> Page.of(items, page, size, total)));
    }
}
