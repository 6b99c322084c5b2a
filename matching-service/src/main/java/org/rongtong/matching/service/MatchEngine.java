package org.rongtong.matching.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * Ranking for one demand: retrieval of the best few hundred profiles from the index (BM25 over the separate fields,
 * with the hard filters as index filters), then the full reciprocal score of {@link Scorer} on those, with a text
 * component that says which of the demand's terms each field of the profile holds. See ADR 0006.
 */
@ApplicationScoped
public class MatchEngine {

    /** How much a term found in each field counts towards the text share (the best field counts). */
    static final Map<String, Double> FIELD_WEIGHT = Map.of(
            EnterpriseIndex.CAPABILITIES, 1.0, EnterpriseIndex.PRODUCTS, 0.8,
            EnterpriseIndex.DESCRIPTION, 0.6, EnterpriseIndex.NAME, 0.5);
    private static final int MAX_QUERY_TERMS = 16;
    private static final int MAX_RETRIEVAL_TERMS = 8;
    private static final double MAX_RETRIEVAL_DF = 0.05;

    private final MatchingConfig config;
    private final Scorer scorer;
    private final EnterpriseIndex index;
    private final FairExposure exposure;

    public MatchEngine(MatchingConfig config, Scorer scorer) {
        this.config = config;
        this.scorer = scorer;
        this.exposure = new FairExposure(config.exposure());
        this.index = new EnterpriseIndex(config.analyzer());
    }

    public EnterpriseIndex index() {
        return index;
    }

    /** A demand's analysed terms: weight (capability 3, title 2, description 1) × idf in the index. */
    public record DemandTerms(Map<String, Double> weighted, Set<String> retrieval, String[] termArray, double[] weightArray, double total) {
        DemandTerms(Map<String, Double> weighted, Set<String> retrieval) {
            this(weighted, retrieval, weighted.keySet().toArray(String[]::new),
                    weighted.values().stream().mapToDouble(Double::doubleValue).toArray(),
                    weighted.values().stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    public DemandTerms terms(OpenDemand d) {
        Map<String, Double> raw = new LinkedHashMap<>();
        Set<String> retrieval = new LinkedHashSet<>();
        Synonyms synonyms = Synonyms.standard();
        for (String capability : d.requiredCapabilities) {
            analyse(capability, 3.0, raw);
            for (String form : synonyms.expand(capability)) {
                if (!form.equals(Synonyms.comparable(capability))) {
                    retrieval.addAll(tokens(form));
                }
            }
        }
        analyse(d.title, 2.0, raw);
        analyse(d.description, 1.0, raw);
        Map<String, Double> weighted = new LinkedHashMap<>();
        Map<String, long[]> frequencies = index.documentFrequencies(raw.keySet());
        raw.forEach((term, weight) -> {
            long[] df = frequencies.get(term);
            // a term no profile holds cannot tell candidates apart: leave it out of the share
            if (df[0] > 0) {
                weighted.put(term, weight * Math.log(1 + (df[1] - df[0] + 0.5) / (df[0] + 0.5)));
            }
        });
        Map<String, Double> top = new LinkedHashMap<>();
        weighted.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(MAX_QUERY_TERMS)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        // retrieval walks posting lists: terms held by a large share of the registry (公司, 配套) cost the most and
        // tell the least, so they only count in the score of the hits, never in finding them
        top.keySet().stream().filter(t -> frequencies.get(t)[0] <= Math.max(MAX_RETRIEVAL_DF * frequencies.get(t)[1], 1_000))
                .limit(MAX_RETRIEVAL_TERMS).forEach(retrieval::add);
        if (retrieval.isEmpty()) {
            top.keySet().stream().limit(3).forEach(retrieval::add);
        }
        return new DemandTerms(top, retrieval);
    }

    /**
     * The index query: text relevance over the retrieval terms of the profiles willing for the field and of a kind that
     * may answer it (so neither needs a filter), the region constraint and the publisher as filters (the chain counts in
     * the score only). Per-field text relevance is the re-scoring's.
     */
    Query query(OpenDemand d, DemandTerms terms) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String term : terms.retrieval()) {
            float boost = terms.weighted().containsKey(term) ? 1.0f : 0.8f;
            q.add(new BoostQuery(new TermQuery(new Term(EnterpriseIndex.WILLING_TEXT, EnterpriseIndex.willingTerm(d.field, term))), boost),
                    Occur.SHOULD);
        }
        q.setMinimumNumberShouldMatch(1);
        if (!d.regionCodes.isEmpty()) {
            BooleanQuery.Builder regions = new BooleanQuery.Builder();
            for (String code : d.regionCodes) {
                regions.add(new TermQuery(new Term(EnterpriseIndex.REGION, code)), Occur.SHOULD);
            }
            q.add(regions.build(), Occur.FILTER);
        }
        if (d.publisherId != null) {
            q.add(new TermQuery(new Term(EnterpriseIndex.ID, d.publisherId.toString())), Occur.MUST_NOT);
        }
        return q.build();
    }

    /** The demand's best candidates, best first, at most {@code maxCandidates}, without exposure damping. */
    public List<Scorer.Scored> rank(OpenDemand d, String publisherRegion) {
        return select(candidates(d, publisherRegion), Map.of());
    }

    /** Every candidate of the retrieval window that passes the filters and the minimum score, in no order. */
    public List<Scorer.Scored> candidates(OpenDemand d, String publisherRegion) {
        DemandTerms terms = terms(d);
        List<Scorer.Scored> scored = new ArrayList<>();
        for (EnterpriseIndex.Hit hit : index.search(query(d, terms), config.rerankWindow())) {
            scorer.score(d, publisherRegion, hit.candidate(), textMatch(terms, hit.candidate())).ifPresent(scored::add);
        }
        return scored;
    }

    /** Damps by exposure (open candidacies per enterprise), then keeps the best {@code maxCandidates}, best first. */
    public List<Scorer.Scored> select(List<Scorer.Scored> candidates, Map<UUID, Integer> openCandidacies) {
        List<Scorer.Scored> scored = new ArrayList<>(candidates.size());
        for (Scorer.Scored s : candidates) {
            scored.add(openCandidacies.isEmpty() ? s : exposure.damp(s, openCandidacies));
        }
        scored.sort(Comparator.comparingDouble(Scorer.Scored::score).reversed().thenComparing(s -> s.candidate().id));
        return scored.size() > config.maxCandidates() ? List.copyOf(scored.subList(0, config.maxCandidates())) : scored;
    }

    public FairExposure exposure() {
        return exposure;
    }

    /** One candidate against one demand, without the index: for reverse matching. */
    public Optional<Scorer.Scored> score(OpenDemand d, String publisherRegion, Candidate c) {
        return scorer.score(d, publisherRegion, c, textMatch(terms(d), c));
    }

    /**
     * Which of the demand's terms each field of the profile holds, and their idf-weighted share. It runs on every hit
     * of every query, so it works on arrays: the terms and weights of the demand once, a credit per term.
     */
    public Scorer.TextMatch textMatch(DemandTerms terms, Candidate c) {
        if (terms.total() == 0) {
            return Scorer.TextMatch.NONE;
        }
        String[] termArray = terms.termArray();
        double[] credit = new double[termArray.length];
        Map<String, List<String>> byField = null;
        for (int f = 0; f < FIELDS.length; f++) {
            String[] texts = lowered(c, FIELDS[f]);
            if (texts.length == 0) {
                continue;
            }
            List<String> found = null;
            for (int i = 0; i < termArray.length; i++) {
                if (holds(texts, termArray[i])) {
                    if (found == null) {
                        found = new ArrayList<>(4);
                    }
                    found.add(termArray[i]);
                    credit[i] = Math.max(credit[i], WEIGHTS[f]);
                }
            }
            if (found != null) {
                if (byField == null) {
                    byField = new LinkedHashMap<>();
                }
                byField.put(FIELDS[f], found);
            }
        }
        if (byField == null) {
            return Scorer.TextMatch.NONE;
        }
        double share = 0;
        for (int i = 0; i < credit.length; i++) {
            share += credit[i] * terms.weightArray()[i];
        }
        return new Scorer.TextMatch(Math.min(1.0, share / terms.total()), byField);
    }

    private static final String[] FIELDS = EnterpriseIndex.TEXT_FIELDS.toArray(String[]::new);
    private static final double[] WEIGHTS = EnterpriseIndex.TEXT_FIELDS.stream().mapToDouble(FIELD_WEIGHT::get).toArray();

    private static final String[] NO_TEXT = new String[0];

    /**
     * The field's text in lower case (for Latin terms; a string without capitals comes back without a copy), the
     * capabilities one by one: a bigram across two tags is no match.
     */
    private static String[] lowered(Candidate c, String field) {
        if (EnterpriseIndex.CAPABILITIES.equals(field)) {
            String[] out = new String[c.capabilities.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.capabilities.get(i).toLowerCase(java.util.Locale.ROOT);
            }
            return out;
        }
        String text = EnterpriseIndex.text(c, field);
        return text == null || text.isBlank() ? NO_TEXT : new String[] {text.toLowerCase(java.util.Locale.ROOT)};
    }

    /** A substring test instead of re-analysing the profile: exact for CJK bigrams and whole Latin words, and far cheaper. */
    private static boolean holds(String[] texts, String term) {
        for (String text : texts) {
            if (text.contains(term)) {
                return true;
            }
        }
        return false;
    }

    private void analyse(String text, double weight, Map<String, Double> into) {
        if (text != null) {
            for (String token : tokens(text)) {
                into.merge(token, weight, Math::max);
            }
        }
    }

    List<String> tokens(String text) {
        return index.terms(text);
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}
