package org.rongtong.web.rest;

import java.util.List;

/**
 * One page of a page-numbered list, the one shape every such list answers (ADR 0032): {@code page} counts from 0,
 * {@code size} is the page size asked for, {@code total} the number of items across all pages.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * The page of a list counted first and listed second. A commit between the two statements could otherwise answer a
     * total that the page contradicts (a total of 3 with no items, seen in EndToEndIT); the listed rows are the later
     * read, so they win: a short page ends the list, and a full page proves at least its own rows.
     */
    public static <T> Page<T> of(List<T> items, int page, int size, long counted) {
        long offset = Paging.offset(page, size);
        long total;
        if (items.size() < size && (!items.isEmpty() || page == 0)) {
            total = offset + items.size();
        } else if (items.isEmpty()) {
            total = Math.min(counted, offset); // past the end: nothing here, so no more than the rows before it
        } else {
            total = Math.max(counted, offset + items.size());
        }
        return new Page<>(List.copyOf(items), page, size, total);
    }

    public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), page, size, total);
    }
}
