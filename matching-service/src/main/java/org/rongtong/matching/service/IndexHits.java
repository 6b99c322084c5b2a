package org.rongtong.matching.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.rongtong.matching.service.ProfileDocuments.Profile;
import org.rongtong.matching.model.Candidate;

/** A top-n search of the enterprise index, turned into hits with their profiles (and, when asked, rescored). */
final class IndexHits {

    public record Hit(Profile profile, float score) {
        public Candidate candidate() {
            return profile.candidate();
        }
    }

    private IndexHits() {
    }

    /** The best {@code n} hits of {@code query}, scored by {@code rescore} instead when it is given. */
    static List<Hit> top(IndexSearcher searcher, Query query, Query rescore, int n, Map<UUID, Profile> profiles) throws IOException {
        // count hits only as far as the top n needs, so that scoring can skip the rest (block-max)
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
        // ids from doc values, read in doc order (their iterators only go forward): stored fields would
        // decompress a block per hit, which was the largest cost of a query after the search itself
        ScoreDoc[] byDoc = top.scoreDocs.clone();
        Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
        Map<Integer, UUID> ids = new HashMap<>(byDoc.length * 2);
        Map<Integer, Float> rescored = rescore == null ? null : rescore(searcher, rescore, byDoc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        BinaryDocValues values = null;
        for (ScoreDoc sd : byDoc) {
            int leafOf = ReaderUtil.subIndex(sd.doc, leaves);
            if (leafOf != leafIndex) {
                leafIndex = leafOf;
                values = DocValues.getBinary(leaves.get(leafOf).reader(), IndexFields.ID_BYTES);
            }
            if (values.advanceExact(sd.doc - leaves.get(leafOf).docBase)) {
                BytesRef b = values.binaryValue();
                ByteBuffer buffer = ByteBuffer.wrap(b.bytes, b.offset, b.length);
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
    }

    /** The query's scores of these documents (in doc order), by advancing its scorer to each: no other document is scored. */
    private static Map<Integer, Float> rescore(IndexSearcher searcher, Query query, ScoreDoc[] byDoc) throws IOException {
        // the mode scoresOf scores in, so a document scores exactly as reverse matching scores it (in TOP_SCORES, the
        // terms' disjunction may sum its clauses in another order)
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        Map<Integer, Float> scores = new HashMap<>(byDoc.length * 2);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        Scorer scorer = null;
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
}
