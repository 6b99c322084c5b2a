package org.rongtong.matching.service;

import static org.rongtong.matching.service.IndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.rongtong.events.CooperationField;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.service.IndexHits.Hit;
import org.rongtong.matching.service.ProfileDocuments.Profile;

/**
 * An in-memory Lucene index of the active enterprises, one document each: the analysed terms of their capabilities,
 * products, description and name and their thesaurus concepts, in one field per cooperation field they are willing for
 * (which is how willingness and kind filter), and their id and region prefixes as exact terms. It is rebuilt from the
 * projection at startup (it lives in memory, so it can never be stale on disk) and kept by every enterprise event; a
 * deactivated enterprise leaves it at once. Next to it, the detached profiles the scorer reads, keyed by id.
 */
public final class EnterpriseIndex implements AutoCloseable {

    private final ProfileDocuments documents;
    private final LuceneStore lucene;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();
    /** The version at which an enterprise left the index (deactivated), so a bulk load's older copy does not bring it back. */
    private final Map<UUID, Long> removed = new ConcurrentHashMap<>();
    private volatile boolean dirty;
    private final Object refreshing = new Object();
    private final IndexCompaction compaction;

    public EnterpriseIndex(String analyzerName, Thesaurus thesaurus) {
        this(analyzerName, thesaurus, false, IndexCompaction.Settings.DEFAULT);
    }

    /** With its own rule for merging after a bulk load (tests). */
    EnterpriseIndex(String analyzerName, Thesaurus thesaurus, IndexCompaction.Settings compaction) {
        this(analyzerName, thesaurus, false, compaction);
    }

    /** An index that also keeps every profile's terms once in {@link #ALL_TEXT}, for a plain BM25 over all profiles. */
    public static EnterpriseIndex plainText(String analyzerName) {
        return new EnterpriseIndex(analyzerName, Thesaurus.standard(), true, IndexCompaction.Settings.DEFAULT);
    }

    private EnterpriseIndex(String analyzerName, Thesaurus thesaurus, boolean plainText, IndexCompaction.Settings compaction) {
        this.documents = new ProfileDocuments(analyzerName, thesaurus, plainText);
        this.lucene = new LuceneStore(documents.analyzer());
        this.writer = lucene.writer;
        this.searchers = lucene.searchers;
        this.compaction = new IndexCompaction(compaction, this::size, this::mergeSegments);
    }

    /** Adds, replaces or (when inactive) removes one enterprise; the next search sees it. The caller has checked the version. */
    public void put(Candidate c) {
        write(c);
        compaction.wrote(1);
        dirty = true;
    }

    /** Into the writer only: visible after the next refresh. */
    private void write(Candidate c) {
        try {
            Term id = new Term(ID, c.id.toString());
            if (!c.active) {
                profiles.remove(c.id);
                removed.merge(c.id, c.version, Math::max);
                writer.deleteDocuments(id);
            } else {
                removed.remove(c.id);
                Profile p = profileOf(c);
                if (profiles.put(c.id, p) == null) {
                    // not in the index (never, or deleted before): no delete to resolve against every segment at the refresh
                    writer.addDocument(documents.document(p));
                } else {
                    writer.updateDocument(id, documents.document(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies one enterprise as an event carries it, unless the index already holds it (or removed it) at the same or a
     * newer version: each replica's own consumer replays from the projection's watermark, so it sees events twice.
     */
    public boolean putIfNewer(Candidate c) {
        boolean changed = writeIfNewer(c);
        if (changed) {
            compaction.wrote(1);
            dirty = true;
        }
        return changed;
    }

    /**
     * A batch of events as a replica's consumer reads them (each as {@link #putIfNewer}), made visible to searches by
     * one refresh before it returns: whoever learns afterwards that the batch was applied searches an index that holds
     * it. Searches meanwhile neither wait for the batch nor refresh for it: reopening the reader on every search while
     * the consumer writes (a flush of a tiny segment each time) had stalled reverse matching for seconds per batch.
     * The item is the number of enterprises that changed.
     */
    public int putAllIfNewer(Collection<Candidate> batch) {
        compaction.busy();
        int changed = 0;
        for (Candidate c : batch) {
            if (writeIfNewer(c)) {
                changed++;
            }
        }
        // counted once per batch, not per document: this loop is the import's hot path
        compaction.wrote(changed);
        // even when this batch changed nothing: the replica's own consumer may have written its enterprises first and
        // not yet refreshed (or be refreshing right now); reverse matching scores exactly these profiles, and one the
        // reader does not hold yet would match no demand's query. A reader that is current makes this a cheap check.
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    private synchronized boolean writeIfNewer(Candidate c) {
        Profile known = profiles.get(c.id);
        Long gone = removed.get(c.id);
        if ((known != null && known.candidate().version >= c.version) || (gone != null && gone >= c.version)) {
            return false;
        }
        write(c);
        return true;
    }

    /**
     * Bulk load, made visible once at the end. An enterprise the index already holds at the same or a newer version
     * (an event that arrived while the projection was read) is left as it is; so is one it removed at a newer version
     * (deactivated meanwhile: the projection's older active copy must not resurrect it).
     */
    public void addAll(Collection<Candidate> candidates) {
        int written = 0;
        try {
            for (Candidate c : candidates) {
                Profile known = profiles.get(c.id);
                Long gone = removed.get(c.id);
                if (gone != null && gone >= c.version) {
                    continue;
                }
                if (known != null && known.candidate().version < c.version) {
                    write(c);
                    written++;
                } else if (known == null && c.active) {
                    Profile p = profileOf(c);
                    profiles.put(c.id, p);
                    writer.addDocument(documents.document(p));
                    written++;
                }
            }
            compaction.wrote(written);
            dirty = true;
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the segments into one after a bulk load: term statistics and the top-k threshold then span one segment,
     * which makes every query cheaper. Later updates add small segments that the merge policy folds in, and a live bulk
     * load's segments are merged once it has ended ({@link IndexCompaction}).
     */
    public void compact() {
        compaction.merged();
        mergeSegments();
    }

    private void mergeSegments() {
        try {
            writer.forceMerge(1);
            dirty = true;
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void clear() {
        try {
            writer.deleteAll();
            profiles.clear();
            removed.clear();
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Candidate profile(UUID id) {
        Profile p = profiles.get(id);
        return p == null ? null : p.candidate();
    }

    /** The indexed profile of an enterprise, or null when it is not (or no longer) active. */
    public Profile indexed(UUID id) {
        return profiles.get(id);
    }

    /** The thesaurus evidence of one profile: what the index keeps, and what reverse matching computes afresh. */
    public Profile profileOf(Candidate c) {
        return documents.profileOf(c);
    }

    /** The analyser's terms for a text, as the index stores them (also how demands are turned into query terms). */
    List<String> terms(String text) {
        return documents.terms(text);
    }

    public int size() {
        return profiles.size();
    }

    /** The segments a search reads now: each adds to every query's cost (term lookups, scorers, its own skipping). */
    public int segments() {
        return read(searcher -> searcher.getIndexReader().leaves().size());
    }

    private List<Hit> search(Query query, Query rescore, int n) {
        return read(searcher -> IndexHits.top(searcher, query, rescore, n, profiles));
    }

    private interface Read<T> {
        T from(IndexSearcher searcher) throws IOException;
    }

    /** Reads from a searcher that sees every change so far. */
    private <T> T read(Read<T> read) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.from(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best {@code n} hits of a query, with their profiles. */
    public List<Hit> search(Query query, int n) {
        return search(query, null, n);
    }

    /**
     * The best {@code n} hits of {@code finding}, each with its score for {@code full} instead (0 where full does not
     * match): what {@link #scoresOf} gives for the window, without a second search over an id filter. The full
     * query is scored on the window's documents only, on the same reader (docs/adr/0028).
     */
    public List<Hit> searchRescored(Query finding, Query full, int n) {
        return search(finding, full, n);
    }

    /**
     * Per term: the profiles willing for the field (and of a kind that may answer it) that hold it in any text field, and
     * the number of profiles willing for any field (for idf).
     */
    public Map<String, long[]> documentFrequencies(CooperationField field, Collection<String> terms) {
        return read(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            long willing = Math.max(reader.getDocCount(willingField(field)), 1);
            Map<String, long[]> out = new HashMap<>();
            IndexLookups.docFreqs(reader, willingField(field), terms).forEach((term, df) -> out.put(term, new long[] {df, willing}));
            return out;
        });
    }

    /** The scores of some indexed profiles for a query (absent when one does not match). */
    public Map<UUID, Float> scoresOf(Query query, List<UUID> ids) {
        return scoresOf(List.of(new Asked(query, Set.copyOf(ids)))).get(0);
    }

    /** One query of a batch and the profiles it asks about. */
    public record Asked(Query query, Set<UUID> ids) {
    }

    /**
     * The scores of several queries, each for some profiles (absent when one does not match), from one reader in which
     * the profiles were found once: reverse matching scores a batch against every open demand, and finding the batch's
     * documents again for each demand was a tenth of matching's time in the keep-pace benchmark
     * (docs/adr/0035-reverse-matching-by-query-and-an-index-off-the-heap.md).
     */
    public List<Map<UUID, Float>> scoresOf(List<Asked> asked) {
        return read(searcher -> {
            Set<UUID> all = new HashSet<>();
            asked.forEach(a -> all.addAll(a.ids()));
            IndexLookups.Found found = IndexLookups.find(searcher.getIndexReader(), ID, all);
            List<Map<UUID, Float>> out = new ArrayList<>(asked.size());
            for (Asked a : asked) {
                Map<UUID, Float> scores = IndexLookups.scores(searcher, a.query(), found, a.ids());
                scores.keySet().retainAll(profiles.keySet()); // as a search finds only the profiles still held
                out.add(scores);
            }
            return out;
        });
    }

    /** The score of one indexed profile for a query (0 when it does not match): reverse matching's view of a hit. */
    public float scoreOf(Query query, UUID id) {
        return scoresOf(query, List.of(id)).getOrDefault(id, 0f);
    }

    /**
     * Makes every change so far visible before a search. Synchronised: a search that comes while another thread is
     * refreshing waits for it, instead of reading the flag as clear and searching the old reader (reverse matching
     * searches right after putting its enterprise). On a lock of its own, not the writers' monitor: a replica's consumer
     * writing a batch takes that monitor for every record, and a search queued behind it was starved for seconds.
     */
    private void refresh() throws IOException {
        synchronized (refreshing) {
            if (dirty) {
                dirty = false; // cleared first: a put during the refresh sets it again
                searchers.maybeRefreshBlocking();
            }
        }
    }

    @Override
    public void close() throws IOException {
        compaction.close();
        lucene.close();
    }
}
