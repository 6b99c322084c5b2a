package org.rongtong.matching.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/** A live bulk load leaves a segment per batch; once it has ended, the index is merged into one, and finds the same. */
@Tag("unit")
class IndexCompactionTest {

    private static final IndexCompaction.Settings QUICK = new IndexCompaction.Settings(100, 0.05, Duration.ofMillis(300), Duration.ofMillis(50));
    private final TermQuery injection = new TermQuery(IndexFields.willingTerm(CooperationField.PRODUCT_SUPPORTING, "注塑"));

    @Test
    void aBulkLoadIsMergedIntoOneSegmentOnceItsWritesHavePausedAndSearchesFindTheSame() throws Exception {
        try (EnterpriseIndex index = new EnterpriseIndex("cjk", Thesaurus.standard(), QUICK)) {
            for (int batch = 0; batch < 8; batch++) {
                index.putAllIfNewer(batch(25)); // each batch made visible: a segment each
            }
            assertTrue(index.segments() > 1, "a segment per batch: " + index.segments());
            List<UUID> before = ids(index.search(injection, 500));

            await("merged into one segment").atMost(Duration.ofSeconds(20)).until(() -> index.segments() == 1);
            assertEquals(200, index.size());
            assertEquals(before, ids(index.search(injection, 500)));
        }
    }

    @Test
    void theMergeWaitsWhileBatchesKeepComingEvenWhenTheyChangeNothing() throws Exception {
        try (EnterpriseIndex index = new EnterpriseIndex("cjk", Thesaurus.standard(), QUICK)) {
            List<Candidate> last = batch(25);
            for (int batch = 0; batch < 7; batch++) {
                index.putAllIfNewer(batch(25));
            }
            index.putAllIfNewer(last);
            int segments = index.segments();
            // the shared consumer's batches: already written by the replica's consumer, still being reverse-matched
            long until = System.nanoTime() + 3 * QUICK.quiet().toNanos();
            while (System.nanoTime() < until) {
                assertEquals(0, index.putAllIfNewer(last));
                Thread.sleep(QUICK.quiet().toMillis() / 3);
            }
            assertEquals(segments, index.segments(), "no merge while batches come");
            await("merged once they stopped").atMost(Duration.ofSeconds(20)).until(() -> index.segments() == 1);
        }
    }

    @Test
    void writesBelowTheThresholdLeaveTheSegmentsToTheMergePolicy() throws Exception {
        try (EnterpriseIndex index = new EnterpriseIndex("cjk", Thesaurus.standard(), QUICK)) {
            for (int batch = 0; batch < 4; batch++) {
                index.putAllIfNewer(batch(20)); // 80 writes: below the 100 that make a bulk load
            }
            int segments = index.segments();
            assertTrue(segments > 1, "a segment per batch: " + segments);
            Thread.sleep(QUICK.quiet().toMillis() + 10 * QUICK.checkEvery().toMillis());
            assertEquals(segments, index.segments());
        }
    }

    private static List<Candidate> batch(int n) {
        List<Candidate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ScorerTest.candidate(List.of(i % 2 == 0 ? "精密注塑" : "钣金冲压", "模具开发"), Willingness.STRONG, "370211"));
        }
        return out;
    }

    private static List<UUID> ids(List<IndexHits.Hit> hits) {
        return hits.stream().map(h -> h.candidate().id).sorted().toList();
    }
}
