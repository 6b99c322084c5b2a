package org.rongtong.matching.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.jboss.logging.Logger;

/**
 * The Lucene directory of the enterprise index, its writer and its searchers, which all score alike. The index lives as
 * long as the process (it is rebuilt from the projection at startup), but its files are memory-mapped from a directory
 * of its own under the temporary directory, not kept in the Java heap: held there, Lucene's flushes and merges turned
 * over hundreds of megabytes of long-lived arrays, and matching spent a fifth of an import's catch-up in garbage
 * collections (docs/adr/0035-reverse-matching-by-query-and-an-index-off-the-heap.md). The directory is deleted on
 * close; one a killed process left behind is deleted by the next store that finds its lock free.
 */
final class LuceneStore implements Closeable {

    private static final Logger LOG = Logger.getLogger(LuceneStore.class);
    static final String PREFIX = "rongtong-index-";
    /** A directory younger than this may belong to a store that has not taken its lock yet. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /** Index and searchers score alike, and the ideal score of MatchEngine uses the same k1. */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(IndexFields.BM25_K1, 0.75f);

    private final Path path;
    private final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    LuceneStore(Analyzer analyzer) {
        this(Path.of(System.getProperty("java.io.tmpdir")), analyzer);
    }

    LuceneStore(Path parent, Analyzer analyzer) {
        try {
            deleteAbandoned(parent);
            path = Files.createTempDirectory(parent, PREFIX);
            directory = new MMapDirectory(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(128).setSimilarity(SIMILARITY)
                    // a refresh does not wait for merges of the segments it flushed: the merge threads fold them in later
                    .setMaxFullFlushMergeWaitMillis(0)
                    // nothing outlives the process, so nothing is ever committed (or synced to disk)
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the files are. */
    Path path() {
        return path;
    }

    /**
     * Deletes the index directories under {@code parent} that no store holds: a process killed before it could close
     * its store left one behind (a Kubernetes emptyDir outlives the container).
     */
    static void deleteAbandoned(Path parent) {
        List<Path> candidates;
        try (Stream<Path> all = Files.list(parent)) {
            candidates = all.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            return; // nothing to tidy where nothing can be listed
        }
        FileTime settled = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        for (Path dir : candidates) {
            try {
                if (Files.getLastModifiedTime(dir).compareTo(settled) > 0) {
                    continue;
                }
                try (Directory d = FSDirectory.open(dir); Lock free = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                    // the lock was free: no writer in any process holds this index
                }
                deleteTree(dir);
                LOG.infof("Deleted the abandoned index directory %s", dir);
            } catch (LockObtainFailedException inUse) {
                // another live store's
            } catch (IOException e) {
                LOG.debugf("Could not delete %s: %s", dir, e.getMessage());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } finally {
            deleteTree(path);
        }
    }
}
