package org.rongtong.web.rest;

/**
 * The one bound on page-numbered lists: {@code page} counts from 0 up to {@link #MAX_PAGE}, {@code size} from 1 to
 * {@link #MAX_SIZE} (20 when not asked). Deeper than a million rows a client narrows its filters
 * instead (an OFFSET that deep costs the database a scan of every row it skips, and page × size stays far inside an int).
 * The answer is a {@link Page}; the query parameters are always named {@code page} and {@code size} (ADR 0032).
 */
public final class Paging {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    /** The rows a page skips. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
