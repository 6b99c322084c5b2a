package org.rongtong.matching.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Term statistics and scores of known documents, read segment by segment with one terms enumeration per segment and
 * field. Reverse matching asks both for every open demand and every batch: {@code IndexReader.docFreq} opens an
 * enumeration per term and segment, and a search filtered to a batch's ids by a terms query walks those ids again for
 * each demand; together they were 40 % of a batch (a flame graph of the keep-pace benchmark).
 */
final class IndexLookups {

    private IndexLookups() {
    }

    /** Per term: the documents of {@code field} holding it (deleted ones included, as {@code IndexReader.docFreq}). */
    static Map<String, Long> docFreqs(IndexReader reader, String field, Collection<String> terms) throws IOException {
        Map<String, Long> out = new HashMap<>(terms.size() * 2);
        terms.forEach(t -> out.put(t, 0L));
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms indexed = leaf.reader().terms(field);
            if (indexed == null) {
                continue;
            }
            TermsEnum e = indexed.iterator();
            for (String t : terms) {
                if (e.seekExact(new BytesRef(t))) {
                    out.merge(t, (long) e.docFreq(), Long::sum);
                }
            }
        }
        return out;
    }

    /** A live document found by its id, in its segment. */
    private record Doc(UUID id, int doc) {
    }

    /**
     * Where some ids' live documents are in one reader, per segment, in document order: found once for a batch, then
     * scored for as many queries as asked ({@link #scores}).
     */
    static final class Found {
        private final Map<LeafReaderContext, List<Doc>> byLeaf = new LinkedHashMap<>();
    }

    static Found find(IndexReader reader, String idField, Collection<UUID> ids) throws IOException {
        Found found = new Found();
        if (ids.isEmpty()) {
            return found;
        }
        List<BytesRef> keys = new ArrayList<>(ids.size());
        Map<BytesRef, UUID> byKey = new HashMap<>(ids.size() * 2);
        for (UUID id : ids) {
            BytesRef key = new BytesRef(id.toString());
            keys.add(key);
            byKey.put(key, id);
        }
        keys.sort(null); // seeks in term order stay within the same blocks
        for (LeafReaderContext leaf : reader.leaves()) {
            List<Doc> docs = docsOf(leaf, idField, keys, byKey);
            if (!docs.isEmpty()) {
                docs.sort(Comparator.comparingInt(Doc::doc));
                found.byLeaf.put(leaf, docs);
            }
        }
        return found;
    }

    /**
     * The scores for a query of the documents found whose id is in {@code only}, on the reader
     * they were found in; an id that does not match is absent.
     */
    static Map<UUID, Float> scores(IndexSearcher searcher, Query query, Found found, Set<UUID> only) throws IOException {
        Map<UUID, Float> out = new HashMap<>();
        Weight weight = null;
        for (Map.Entry<LeafReaderContext, List<Doc>> leaf : found.byLeaf.entrySet()) {
            if (weight == null) {
                weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
            }
            Scorer scorer = weight.scorer(leaf.getKey());
            if (scorer == null) {
                continue;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            for (Doc d : leaf.getValue()) {
                if (!only.contains(d.id())) {
                    continue;
                }
                int at = approximation.docID() < d.doc() ? approximation.advance(d.doc()) : approximation.docID();
                if (at == d.doc() && (twoPhase == null || twoPhase.matches())) {
                    out.put(d.id(), scorer.score());
                }
            }
        }
        return out;
    }

    private static List<Doc> docsOf(LeafReaderContext leaf, String idField, List<BytesRef> keys, Map<BytesRef, UUID> byKey)
            throws IOException {
        List<Doc> docs = new ArrayList<>();
        Terms indexed = leaf.reader().terms(idField);
        if (indexed == null) {
            return docs;
        }
        Bits live = leaf.reader().getLiveDocs();
        TermsEnum e = indexed.iterator();
        PostingsEnum postings = null;
        for (BytesRef key : keys) {
            if (!e.seekExact(key)) {
                continue;
            }
            postings = e.postings(postings, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    docs.add(new Doc(byKey.get(key), doc));
                }
            }
        }
        return docs;
    }
}
