package org.rongtong.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PageTest {

    @Test
    void aCountThatAgreesWithTheListIsKept() {
        Page<String> page = Page.of(List.of("a", "b"), 1, 2, 7);
        assertEquals(7, page.total());
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(1, page.page());
        assertEquals(2, page.size());
    }

    @Test
    void aFirstPageWithNoItemsHasNoTotalWhateverTheCountSaw() {
        // the race seen in EndToEndIT: rows counted, then gone (or not yet visible) when listed
        assertEquals(0, Page.of(List.of(), 0, 20, 3).total());
    }

    @Test
    void aShortPageEndsTheList() {
        assertEquals(42, Page.of(List.of("a", "b"), 2, 20, 45).total());
        assertEquals(42, Page.of(List.of("a", "b"), 2, 20, 30).total());
    }

    @Test
    void aFullPageProvesAtLeastItsOwnRows() {
        assertEquals(60, Page.of(List.of("a", "b", "c"), 19, 3, 40).total());
    }

    @Test
    void aPagePastTheEndPromisesNoMoreThanTheRowsBeforeIt() {
        assertEquals(5, Page.of(List.of(), 3, 20, 5).total());
        assertEquals(60, Page.of(List.of(), 3, 20, 90).total());
    }

    @Test
    void mappingKeepsTheCounts() {
        Page<Integer> lengths = Page.of(List.of("ab", "c"), 0, 2, 5).map(String::length);
        assertEquals(List.of(2, 1), lengths.items());
        assertEquals(5, lengths.total());
    }

    @Test
    void theOffsetOfTheDeepestPageStaysALong() {
        assertEquals(1_000_000L, Paging.offset(Paging.MAX_PAGE, Paging.MAX_SIZE));
    }
}
