package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The replica's read position: where its consumer resumes, when it counts as caught up, when it covers the projection. */
@Tag("unit")
class IndexProgressTest {

    private static Watermarks.Mark at(long offset) {
        return new Watermarks.Mark(offset, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void theConsumerResumesRightAfterTheWatermarkTheIndexWasRebuiltWith() {
        IndexProgress progress = new IndexProgress();
        progress.rebuiltAt(Map.of(0, at(41), 2, at(7)));
        assertEquals(42, progress.next(0));
        assertEquals(0, progress.next(1), "a partition the projection never read: from the start");
        assertEquals(8, progress.next(2));
    }

    @Test
    void caughtUpOnlyOnceEveryPartitionReachedTheEndSeenAtStart() {
        IndexProgress progress = new IndexProgress();
        assertFalse(progress.caughtUp(), "not before the consumer was assigned its partitions");
        progress.rebuiltAt(Map.of(0, at(9)));
        progress.assigned(Map.of(0, 10L, 1, 3L));
        assertFalse(progress.caughtUp());
        progress.applied(1, 1, Instant.now());
        assertFalse(progress.caughtUp());
        progress.applied(1, 2, Instant.now());
        assertTrue(progress.caughtUp());
        progress.assigned(Map.of(0, 99L));
        assertTrue(progress.caughtUp(), "a later rebalance does not move the goal of the start");
    }

    @Test
    void coversTheProjectionOnlyWhenEveryPartitionItAppliedIsInTheIndex() {
        IndexProgress progress = new IndexProgress();
        progress.applied(0, 5, Instant.now());
        assertTrue(progress.covers(Map.of(0, at(5))));
        assertFalse(progress.covers(Map.of(0, at(6))));
        assertFalse(progress.covers(Map.of(0, at(5), 1, at(0))), "a partition the index has not read at all");
        assertTrue(progress.covers(Map.of()));
    }
}
