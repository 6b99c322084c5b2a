package org.rongtong.matching.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.jboss.logging.Logger;

/**
 * Merges the index into one segment once a bulk load into it has ended (docs/adr/0036-end-to-end-at-steady-state.md).
 * A live import leaves the segments of its batches behind (11 after 100,000 enterprises in batches of 5,000), and each
 * one adds its own term lookups, scorers and skipping to every query: a demand's ranking took 11.4 ms at the median
 * instead of 5.2 ms in one segment. The merge policy alone never folds them: it merges ten segments of a size at once.
 * So when enough has been written since the last merge and the writes have paused, one merge runs on a thread of its
 * own; searches read the old segments meanwhile and writes go on. A trickle of registrations merges rarely: the
 * threshold grows with the index.
 */
final class IndexCompaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IndexCompaction.class);

    /**
     * When to merge: at least {@code minWrites} documents written, and {@code shareOfIndex} of the index, since the
     * last merge, and no write for {@code quiet}; looked at every {@code checkEvery}.
     */
    record Settings(int minWrites, double shareOfIndex, Duration quiet, Duration checkEvery) {
        static final Settings DEFAULT = new Settings(5_000, 0.05, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    private final Settings settings;
    private final IntSupplier size;
    private final Runnable merge;
    private final AtomicLong written = new AtomicLong();
    private volatile long lastWriteNanos = System.nanoTime();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-compaction");
        t.setDaemon(true);
        return t;
    });

    IndexCompaction(Settings settings, IntSupplier size, Runnable merge) {
        this.settings = settings;
        this.size = size;
        this.merge = merge;
        long every = settings.checkEvery().toMillis();
        thread.scheduleWithFixedDelay(this::mergeIfDue, every, every, TimeUnit.MILLISECONDS);
    }

    /** Documents were written (added, replaced or deleted). */
    void wrote(int documents) {
        written.addAndGet(documents);
        lastWriteNanos = System.nanoTime();
    }

    /**
     * A batch came that changed nothing (the replica's consumer had written it first): the load is not over while the
     * shared consumer still reverse-matches it, so the merge waits for that too instead of taking a core from it.
     */
    void busy() {
        lastWriteNanos = System.nanoTime();
    }

    /** The index was merged by someone else (the rebuild at startup): nothing written before counts any more. */
    void merged() {
        written.set(0);
    }

    private void mergeIfDue() {
        long since = written.get();
        boolean enough = since >= settings.minWrites() && since >= settings.shareOfIndex() * size.getAsInt();
        boolean quiet = System.nanoTime() - lastWriteNanos >= settings.quiet().toNanos();
        if (!enough || !quiet) {
            return;
        }
        // what is written during the merge counts towards the next one
        written.addAndGet(-since);
        long start = System.nanoTime();
        try {
            merge.run();
            LOG.infof("Merged the enterprise index into one segment after %,d writes, in %d ms", since, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // a merge aborted by a clear or a close; the next bulk load tries again
            LOG.debugf(e, "Merging the enterprise index did not complete");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
