package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/**
 * The shared consumer puts a batch into the index and then scores exactly those profiles against the open demands; the
 * replica's own consumer may have written some of them first, and refreshes only at the end of its batch.
 */
@Tag("unit")
class EnterpriseIndexVisibilityTest {

    @Test
    void aBatchIsSearchableOnReturnEvenWhenAnotherConsumerWroteItFirstAndHasNotRefreshedYet() throws Exception {
        EnterpriseIndex index = new EnterpriseIndex("cjk", Thesaurus.standard());
        try {
            Candidate c = ScorerTest.candidate(List.of("精密注塑"), Willingness.STRONG, "370211");
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // the replica's consumer: writes c, then is held mid-batch, before its refresh
            CompletableFuture<Integer> replica = CompletableFuture.supplyAsync(() -> index.putAllIfNewer(new HeldAfterFirst(c, written, release)));
            assertTrue(written.await(10, TimeUnit.SECONDS));

            // the shared consumer's put: c is already there at this version, so it writes nothing
            assertEquals(0, index.putAllIfNewer(List.of(c)));

            Map<UUID, Float> scores = index.scoresOf(List.of(new EnterpriseIndex.Asked(
                    new TermQuery(IndexFields.willingTerm(CooperationField.PRODUCT_SUPPORTING, "注塑")), Set.of(c.id)))).get(0);
            assertTrue(scores.containsKey(c.id), "the batch's profile is searchable: " + scores);
            release.countDown();
            replica.get(10, TimeUnit.SECONDS);
        } finally {
            index.close();
        }
    }

    /** A batch of one whose iteration stops after its element until released: a consumer held mid-batch. */
    private static final class HeldAfterFirst extends AbstractCollection<Candidate> {
        private final Candidate only;
        private final CountDownLatch written;
        private final CountDownLatch release;

        HeldAfterFirst(Candidate only, CountDownLatch written, CountDownLatch release) {
            this.only = only;
            this.written = written;
            this.release = release;
        }

        @Override
        public Iterator<Candidate> iterator() {
            return new Iterator<>() {
                private boolean given;

                @Override
                public boolean hasNext() {
                    if (!given) {
                        return true;
                    }
                    written.countDown(); // asked for more: the first is written
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return false;
                }

                @Override
                public Candidate next() {
                    given = true;
                    return only;
                }
            };
        }

        @Override
        public int size() {
            return 1;
        }
    }
}
