package org.rongtong.matching.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The in-memory Lucene directory of the enterprise index, its writer and its searchers, which all score alike. */
final class LuceneStore implements Closeable {

    /** Index and searchers score alike, and the ideal score of MatchEngine uses the same k1. */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(IndexFields.BM25_K1, 0.75f);

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    final IndexWriter writer;
    final SearcherManager searchers;

    LuceneStore(Analyzer analyzer) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(128).setSimilarity(SIMILARITY)
                    // a refresh does not wait for merges of the segments it flushed: the merge threads fold them in later
                    .setMaxFullFlushMergeWaitMillis(0);
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

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
