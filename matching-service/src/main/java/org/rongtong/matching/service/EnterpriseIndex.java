package org.rongtong.matching.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.rongtong.events.CooperationField;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/**
 * An in-memory Lucene index of the active enterprises, one document each: the analysed terms of their capabilities,
 * products, description and name and their thesaurus concepts, in one field per cooperation field they are willing for
 * (which is how willingness and kind filter), and their id and region prefixes as exact terms. It is rebuilt from the
 * projection at startup (it lives in memory, so it can never be stale on disk) and kept by every enterprise event; a
 * deactivated enterprise leaves it at once. Next to it, the detached profiles the scorer reads, keyed by id.
 */
public final class EnterpriseIndex implements AutoCloseable {

    static final String ID = "id";
    /** The id again, as 16 bytes of doc values: how a hit finds its profile. */
    static final String ID_BYTES = "id_bytes";
    static final String REGION = "region";
    static final String CAPABILITIES = "capabilities";
    static final String PRODUCTS = "products";
    static final String DESCRIPTION = "description";
    static final String NAME = "name";
    static final List<String> TEXT_FIELDS = List.of(CAPABILITIES, PRODUCTS, DESCRIPTION, NAME);
    /**
     * Retrieval terms: every analysed term of the four text fields (and the profile's thesaurus concepts), in one field
     * per cooperation field the enterprise is willing for and its kind may answer ({@code willing_text.TECH_RND}). A
     * query for a demand's field walks only the posting lists of such profiles, so neither willingness nor kind needs
     * a filter, the lists are a fraction as long (ADR 0006, speed), and each field's length norm is the profile's own
     * length, whatever the number of fields it is willing for.
     */
    static final String WILLING_TEXT = "willing_text";
    /**
     * The same terms once, without the field prefix: only in a {@linkplain #plainText() plain-text} index, the BM25
     * baseline of the evaluation and the benchmark. The engine's index leaves it out (a quarter of its size).
     */
    static final String ALL_TEXT = "all_text";

    /** A thesaurus concept as an index term ({@code ≈injection_moulding}): retrieval by meaning, not by wording. */
    static final String CONCEPT_PREFIX = "≈";
    /** Field numbers of the evidence, in {@link #TEXT_FIELDS} order. */
    static final int F_CAPABILITIES = 0;
    static final int F_PRODUCTS = 1;
    static final int F_DESCRIPTION = 2;
    static final int F_NAME = 3;

    /**
     * A profile as the index keeps it: the detached enterprise, the thesaurus concepts found in its fields (packed, see
     * {@link Thesaurus#pack}), the business roles its name declares and those of each capability tag (with the name's),
     * and its offer (name, tags, products) as comparable text.
     */
    public record Profile(Candidate candidate, long[] evidence, int nameRoles, int[] tagRoles, String offer) {
    }

    private final Analyzer analyzer;
    private final Thesaurus thesaurus;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<UUID, Profile> profiles = new ConcurrentHashMap<>();
    /** The version at which an enterprise left the index (deactivated), so a bulk load's older copy does not bring it back. */
    private final Map<UUID, Long> removed = new ConcurrentHashMap<>();
    private volatile boolean dirty;
    private final Object refreshing = new Object();

    public EnterpriseIndex(String analyzerName, Thesaurus thesaurus) {
        this(analyzerName, thesaurus, false);
    }

    private final boolean plainText;

    /** An index that also keeps every profile's terms once in {@link #ALL_TEXT}, for a plain BM25 over all profiles. */
    public static EnterpriseIndex plainText(String analyzerName) {
        return new EnterpriseIndex(analyzerName, Thesaurus.standard(), true);
    }

    private EnterpriseIndex(String analyzerName, Thesaurus thesaurus, boolean plainText) {
        this.analyzer = analyzer(analyzerName);
        this.thesaurus = thesaurus;
        this.plainText = plainText;
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

    static Analyzer analyzer(String name) {
        return switch (name) {
            case "cjk" -> new CJKAnalyzer();
            case "smartcn" -> new SmartChineseAnalyzer();
            default -> throw new IllegalArgumentException("rongtong.matching.analyzer: cjk or smartcn, not " + name);
        };
    }

    /** Adds, replaces or (when inactive) removes one enterprise; the next search sees it. The caller has checked the version. */
    public void put(Candidate c) {
        write(c);
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
                    writer.addDocument(document(p));
                } else {
                    writer.updateDocument(id, document(p));
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
        int changed = 0;
        for (Candidate c : batch) {
            if (writeIfNewer(c)) {
                changed++;
            }
        }
        if (changed > 0) {
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
        try {
            for (Candidate c : candidates) {
                Profile known = profiles.get(c.id);
                Long gone = removed.get(c.id);
                if (gone != null && gone >= c.version) {
                    continue;
                }
                if (known != null && known.candidate().version < c.version) {
                    write(c);
                } else if (known == null && c.active) {
                    Profile p = profileOf(c);
                    profiles.put(c.id, p);
                    writer.addDocument(document(p));
                }
            }
            dirty = true;
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges the segments into one after a bulk load: term statistics and the top-k threshold then span one segment,
     * which makes every query cheaper. Later updates add small segments that the merge policy folds in.
     */
    public void compact() {
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
        int nameRoles = thesaurus.roles(c.name);
        List<Long> found = new ArrayList<>();
        for (String capability : c.capabilities) {
            thesaurus.evidence(capability, F_CAPABILITIES, nameRoles, found);
        }
        thesaurus.evidence(c.products, F_PRODUCTS, nameRoles, found);
        thesaurus.evidence(c.description, F_DESCRIPTION, nameRoles, found);
        thesaurus.evidence(c.name, F_NAME, nameRoles, found);
        long[] evidence = new long[found.size()];
        for (int i = 0; i < evidence.length; i++) {
            evidence[i] = found.get(i);
        }
        int[] tagRoles = new int[c.capabilities.size()];
        for (int i = 0; i < tagRoles.length; i++) {
            tagRoles[i] = thesaurus.roles(c.capabilities.get(i)) | nameRoles;
        }
        // name, tags and products as one comparable text, for the thesaurus's lookalike pairs
        String offer = Thesaurus.comparable(c.name + "。" + String.join("、", c.capabilities) + "。" + (c.products == null ? "" : c.products));
        return new Profile(c, evidence, nameRoles, tagRoles, offer);
    }

    public int size() {
        return profiles.size();
    }

    public record Hit(Profile profile, float score) {
        public Candidate candidate() {
            return profile.candidate();
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

    private List<Hit> search(Query query, Query rescore, int n) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                // count hits only as far as the top n needs, so that scoring can skip the rest (block-max)
                TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
                // ids from doc values, read in doc order (their iterators only go forward): stored fields would
                // decompress a block per hit, which was the largest cost of a query after the search itself
                ScoreDoc[] byDoc = top.scoreDocs.clone();
                java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(sd -> sd.doc));
                Map<Integer, UUID> ids = new java.util.HashMap<>(byDoc.length * 2);
                Map<Integer, Float> rescored = rescore == null ? null : rescore(searcher, rescore, byDoc);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                int leafIndex = -1;
                BinaryDocValues values = null;
                for (ScoreDoc sd : byDoc) {
                    int leafOf = ReaderUtil.subIndex(sd.doc, leaves);
                    if (leafOf != leafIndex) {
                        leafIndex = leafOf;
                        values = DocValues.getBinary(leaves.get(leafOf).reader(), ID_BYTES);
                    }
                    if (values.advanceExact(sd.doc - leaves.get(leafOf).docBase)) {
                        BytesRef b = values.binaryValue();
                        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b.bytes, b.offset, b.length);
                        ids.put(sd.doc, new UUID(buffer.getLong(), buffer.getLong()));
                    }
                }
                List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc sd : top.scoreDocs) {
                    UUID id = ids.get(sd.doc);
                    Profile c = id == null ? null : profiles.get(id);
                    if (c != null) {
                        hits.add(new Hit(c, rescored == null ? sd.score : rescored.getOrDefault(sd.doc, 0f)));
                    }
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query's scores of these documents (in doc order), by advancing its scorer to each: no other document is scored. */
    private static Map<Integer, Float> rescore(IndexSearcher searcher, Query query, ScoreDoc[] byDoc) throws IOException {
        // the mode a top-n search scores in, so a document scores exactly as in scoresOf
        org.apache.lucene.search.Weight weight = searcher.createWeight(searcher.rewrite(query),
                org.apache.lucene.search.ScoreMode.TOP_SCORES, 1f);
        Map<Integer, Float> scores = new java.util.HashMap<>(byDoc.length * 2);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        org.apache.lucene.search.Scorer scorer = null;
        for (ScoreDoc sd : byDoc) {
            int leafOf = ReaderUtil.subIndex(sd.doc, leaves);
            if (leafOf != leafIndex) {
                leafIndex = leafOf;
                scorer = weight.scorer(leaves.get(leafOf));
            }
            int target = sd.doc - leaves.get(leafOf).docBase;
            if (scorer == null) {
                continue;
            }
            // an earlier advance may have landed on this document already
            int at = scorer.docID() < target ? scorer.iterator().advance(target) : scorer.docID();
            if (at == target) {
                scores.put(sd.doc, scorer.score());
            }
        }
        return scores;
    }

    /**
     * Per term: the profiles willing for the field (and of a kind that may answer it) that hold it in any text field, and
     * the number of profiles willing for any field (for idf).
     */
    public Map<String, long[]> documentFrequencies(CooperationField field, Collection<String> terms) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                long willing = Math.max(reader.getDocCount(willingField(field)), 1);
                Map<String, long[]> out = new java.util.HashMap<>();
                IndexLookups.docFreqs(reader, willingField(field), terms).forEach((term, df) -> out.put(term, new long[] {df, willing}));
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A weighted retrieval term: one SHOULD clause of a demand's query (BM25 with k1 = {@link #BM25_K1}, b = 0.75). */
    public record Clause(Term term, float boost) {
    }

    /** The scores of some indexed profiles for a query (absent when one does not match). */
    public Map<UUID, Float> scoresOf(Query query, List<UUID> ids) {
        try {
            refresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<UUID, Float> out = IndexLookups.scores(searcher, query, ID, ids);
                out.keySet().retainAll(profiles.keySet()); // as a search finds only the profiles still held
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The score of one indexed profile for a query (0 when it does not match): reverse matching's view of a hit. */
    public float scoreOf(Query query, UUID id) {
        return scoresOf(query, List.of(id)).getOrDefault(id, 0f);
    }

    static final float BM25_K1 = 1.2f;
    /** Index and searchers score alike, and the ideal score of MatchEngine uses the same k1. */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(BM25_K1, 0.75f);

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

    /** The retrieval field of the profiles willing for one cooperation field. */
    static String willingField(CooperationField field) {
        return WILLING_TEXT + "." + field.name();
    }

    /** The retrieval term of an analysed text term (or a concept) for one cooperation field. */
    static Term willingTerm(CooperationField field, String term) {
        return new Term(willingField(field), term);
    }

    private Document document(Profile p) {
        Candidate c = p.candidate();
        Document doc = new Document();
        doc.add(new StringField(ID, c.id.toString(), Field.Store.NO));
        doc.add(new BinaryDocValuesField(ID_BYTES, new BytesRef(java.nio.ByteBuffer.allocate(16)
                .putLong(c.id.getMostSignificantBits()).putLong(c.id.getLeastSignificantBits()).array())));
        String region = c.regionCode == null ? "" : c.regionCode;
        for (int len = 2; len <= region.length(); len += 2) {
            doc.add(new StringField(REGION, region.substring(0, len), Field.Store.NO));
        }
        // analysed once: the terms feed both text fields as pre-analysed token streams
        List<String> all = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            String text = text(c, field);
            if (text != null && !text.isBlank()) {
                all.addAll(terms(text));
            }
        }
        // the capabilities once more: a term an enterprise tags itself with weighs more than one in its prose
        for (String capability : c.capabilities) {
            all.addAll(terms(capability));
        }
        // each concept once per find, so that BM25's term frequency favours the profile that dwells on it
        for (long e : p.evidence()) {
            all.add(CONCEPT_PREFIX + thesaurus.concept(Thesaurus.conceptOf(e)).id());
        }
        if (plainText) {
            doc.add(new Field(ALL_TEXT, new TermListStream(all), TEXT_TYPE));
        }
        // only the fields its kind may answer (KindRules): the kind rule then needs no filter either
        List<CooperationField> willing = c.willingness.entrySet().stream()
                .filter(w -> w.getValue() != Willingness.NONE && KindRules.allows(w.getKey(), c.kind))
                .map(Map.Entry::getKey).toList();
        for (CooperationField f : willing) {
            doc.add(new Field(willingField(f), new TermListStream(all), TEXT_TYPE));
        }
        return doc;
    }

    /** Terms and frequencies for BM25, no positions: retrieval needs no phrases. */
    private static final FieldType TEXT_TYPE = textType();

    private static FieldType textType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    /** The analyser's terms for a text, as the index stores them (also how demands are turned into query terms). */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(DESCRIPTION, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Terms already analysed, handed to the index as they are. */
    private static final class TermListStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> terms;
        private int next;

        TermListStream(List<String> terms) {
            this.terms = terms;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** The text of one analysed field of a profile, as indexed. */
    static String text(Candidate c, String field) {
        return switch (field) {
            case CAPABILITIES -> String.join("、", c.capabilities);
            case PRODUCTS -> c.products;
            case DESCRIPTION -> c.description;
            case NAME -> c.name;
            default -> null;
        };
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
