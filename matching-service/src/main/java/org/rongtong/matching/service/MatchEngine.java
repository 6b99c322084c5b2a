package org.rongtong.matching.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Ranking for one demand (ADR 0011): retrieval from the whole demand (title, required capabilities and description,
 * as bigrams and as thesaurus concepts) over every text field of the profiles willing for the field, then for each
 * hit the evidence of capability fit ({@link Scorer.Relevance}) and the full score of {@link Scorer}.
 */
@ApplicationScoped
public class MatchEngine {

    /**
     * Text similarity is the hit's BM25 score over the score of an ideal profile (every query term once, average
     * length), × this: a profile that holds a third of what the demand says, in the right places, counts as fully similar.
     */
    static final double TEXT_SCALE = 3.0;
    private final MatchingConfig config;
    private final Scorer scorer;
    private final EnterpriseIndex index;
    private final Thesaurus thesaurus;
    private final FairExposure exposure;
    private final LookalikeRules lookalikes;
    private final CapabilityEvidence capabilities;
    private final DemandReader demandReader;

    public MatchEngine(MatchingConfig config, Scorer scorer) {
        this.config = config;
        this.scorer = scorer;
        MatchingConfig.Weights w = config.weights();
        if (w.capability() + w.text() <= 0 || w.willingness() + w.chain() + w.region() + w.tier() + w.preferences() <= 0) {
            throw new IllegalArgumentException("rongtong.matching.weights: capability + text and the structure weights must each add up to more than 0");
        }
        this.exposure = new FairExposure(config.exposure());
        List<Path> extra = config.thesaurusFiles().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        this.thesaurus = extra.isEmpty() ? Thesaurus.standard() : Thesaurus.load(extra);
        this.index = new EnterpriseIndex(config.analyzer(), thesaurus);
        this.lookalikes = new LookalikeRules(thesaurus);
        this.capabilities = new CapabilityEvidence(thesaurus);
        this.demandReader = new DemandReader(index, thesaurus);
    }

    public EnterpriseIndex index() {
        return index;
    }

    /**
     * The index query: BM25 over the retrieval terms and the demand's concepts, among the profiles willing for the field
     * and of a kind that may answer it (so neither needs a filter), the region constraint and the publisher as filters.
     */
    Query query(OpenDemand d, DemandTerms terms) {
        return query(d, terms.clauses());
    }

    /** The query that finds the window: the most telling clauses, with the same filters. */
    Query findingQuery(OpenDemand d, DemandTerms terms) {
        return query(d, terms.finding());
    }

    private Query query(OpenDemand d, List<IndexFields.Clause> clauses) {
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (IndexFields.Clause c : clauses) {
            terms.add(new BoostQuery(new TermQuery(c.term()), c.boost()), Occur.SHOULD);
        }
        // the terms as one required clause beside the filters, not as SHOULD clauses among them: so the top-n search's
        // minimum competitive score reaches the disjunction, which then skips the blocks that cannot make the window.
        // Beside a filter, Lucene scored every document that held any term (ADR 0035); the scores are the same.
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(terms.build(), Occur.MUST);
        if (!d.regionCodes.isEmpty()) {
            BooleanQuery.Builder regions = new BooleanQuery.Builder();
            for (String code : d.regionCodes) {
                regions.add(new TermQuery(new Term(IndexFields.REGION, code)), Occur.SHOULD);
            }
            q.add(regions.build(), Occur.FILTER);
        }
        if (d.publisherId != null) {
            q.add(new TermQuery(new Term(IndexFields.ID, d.publisherId.toString())), Occur.MUST_NOT);
        }
        return q.build();
    }

    /** The demand as the engine reads it: its terms, query clauses, concepts and what it asks. */
    public DemandTerms terms(OpenDemand d) {
        return demandReader.read(d);
    }

    /** The demand's best candidates, best first, at most {@code maxCandidates}, without exposure damping. */
    public List<Scorer.Scored> rank(OpenDemand d, String publisherRegion) {
        return select(candidates(d, publisherRegion), Map.of());
    }

    /** Every candidate of the retrieval window that passes the gates and the relevance floor, in no order. */
    public List<Scorer.Scored> candidates(OpenDemand d, String publisherRegion) {
        DemandTerms terms = terms(d);
        // the window of the finding query, each hit with the full query's BM25: the same score reverse matching reads
        // for one enterprise (0 where the full query does not match)
        List<IndexHits.Hit> window = index.searchRescored(findingQuery(d, terms), query(d, terms), config.rerankWindow());
        List<Scorer.Scored> scored = new ArrayList<>();
        for (IndexHits.Hit hit : window) {
            float bm25 = hit.score();
            scorer.score(d, publisherRegion, hit.candidate(), relevance(d, terms, hit.profile(), bm25)).ifPresent(scored::add);
        }
        return scored;
    }

    /** Damps by exposure (open candidacies per enterprise), then keeps the best {@code maxCandidates}, best first. */
    public List<Scorer.Scored> select(List<Scorer.Scored> candidates, Map<UUID, Integer> openCandidacies) {
        // ordered by the damped score; only those kept get the exposure reason written out (a formatted text each)
        List<Damped> damped = new ArrayList<>(candidates.size());
        for (Scorer.Scored s : candidates) {
            damped.add(new Damped(s, openCandidacies.isEmpty() ? s.score() : exposure.dampedScore(s, openCandidacies)));
        }
        damped.sort(Comparator.comparingDouble(Damped::score).reversed().thenComparing(d -> d.scored().candidate().id));
        List<Scorer.Scored> kept = new ArrayList<>(Math.min(damped.size(), config.maxCandidates()));
        for (Damped d : damped.subList(0, Math.min(damped.size(), config.maxCandidates()))) {
            kept.add(openCandidacies.isEmpty() ? d.scored() : exposure.damp(d.scored(), openCandidacies));
        }
        return kept;
    }

    private record Damped(Scorer.Scored scored, double score) {
    }

    /** At most this many candidates are proposed for one demand by its ranking. */
    public int maxCandidates() {
        return config.maxCandidates();
    }

    public FairExposure exposure() {
        return exposure;
    }

    /** One candidate against one demand, without the index: for reverse matching. */
    public Optional<Scorer.Scored> score(OpenDemand d, String publisherRegion, Candidate c) {
        if (!scorer.eligible(d, c)) {
            return Optional.empty();
        }
        DemandTerms terms = terms(d);
        ProfileDocuments.Profile profile = index.indexed(c.id);
        // the enterprise's own document gives the same BM25 score its hit would have in the demand's query
        float bm25 = profile == null ? 0 : index.scoreOf(query(d, terms), c.id);
        return scorer.score(d, publisherRegion, c, relevance(d, terms, profile == null ? index.profileOf(c) : profile, bm25));
    }

    /** A demand of reverse matching: its publisher's region, its terms worked out once, the batch's candidates for it. */
    public record ReverseAsk(OpenDemand demand, String publisherRegion, DemandTerms terms, List<Candidate> candidates) {
    }

    /**
     * A batch of candidates against several demands, with one index read for all their BM25 scores: reverse matching.
     * Only the candidates a demand's query matches are assessed: a profile it does not match is never in the demand's
     * window, so its own ranking could not have proposed it either, and assessing each of them cost most of a batch.
     * Each one assessed gets the score {@link #score} would give it. One list per ask, in order.
     */
    public List<List<Scorer.Scored>> scoreAll(List<ReverseAsk> asks) {
        List<EnterpriseIndex.Asked> asked = new ArrayList<>(asks.size());
        for (ReverseAsk a : asks) {
            Set<UUID> eligible = new HashSet<>();
            a.candidates().stream().filter(c -> scorer.eligible(a.demand(), c)).forEach(c -> eligible.add(c.id));
            asked.add(new EnterpriseIndex.Asked(query(a.demand(), a.terms()), eligible));
        }
        List<Map<UUID, Float>> bm25 = index.scoresOf(asked);
        List<List<Scorer.Scored>> out = new ArrayList<>(asks.size());
        for (int i = 0; i < asks.size(); i++) {
            ReverseAsk a = asks.get(i);
            Map<UUID, Float> matched = bm25.get(i);
            List<Scorer.Scored> scored = new ArrayList<>();
            for (Candidate c : a.candidates()) {
                Float score = matched.get(c.id);
                ProfileDocuments.Profile profile = score == null ? null : index.indexed(c.id);
                if (profile != null) {
                    scorer.score(a.demand(), a.publisherRegion(), c, relevance(a.demand(), a.terms(), profile, score)).ifPresent(scored::add);
                }
            }
            out.add(scored);
        }
        return out;
    }

    /**
     * The evidence of capability fit: each asked capability met by a tag, by a thesaurus concept (credited by field and
     * by synonym or near-term) or by similar wording; the demand's terms found in the profile; and whether the profile
     * only looks like a fit (a distinct process, a lookalike pair, or the concept offered in a business role the demand
     * does not ask for — its distributor, repairer, equipment maker).
     */
    public Scorer.Relevance relevance(OpenDemand d, DemandTerms terms, ProfileDocuments.Profile profile, float bm25) {
        Candidate c = profile.candidate();
        String lookalike = lookalikes.of(terms, profile);
        if (lookalike != null) {
            return new Scorer.Relevance(0, 0, "", Scorer.TextMatch.NONE, lookalike);
        }
        double similarity = terms.ideal() <= 0 ? 0 : Math.min(1.0, TEXT_SCALE * bm25 / terms.ideal());
        Scorer.TextMatch text = new Scorer.TextMatch(similarity, () -> termsFound(terms, c));
        if (terms.asked().isEmpty()) {
            return new Scorer.Relevance(text.share(), 0, "no capability asked: text only", text, lookalike);
        }
        CapabilityEvidence.Met met = capabilities.of(d, terms, profile);
        lookalike = lookalikes.distinctProcess(terms, c, met.credits(), met.sum());
        double share = met.assessed() == 0 ? text.share() : met.share();
        return new Scorer.Relevance(share, met.assessed(), met.detail(), text, lookalike);
    }

    /**
     * Which of the demand's weightiest terms each field of the profile holds: the evidence the text reason names. Only
     * the candidates that make the list ask for it (see {@link Scorer.TextMatch}).
     */
    Map<String, List<String>> termsFound(DemandTerms terms, Candidate c) {
        String[] termArray = terms.reasonTerms();
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String[] texts = lowered(c, field);
            List<String> found = new ArrayList<>(4);
            for (String term : termArray) {
                if (texts.length > 0 && holds(texts, term)) {
                    found.add(term);
                }
            }
            if (!found.isEmpty()) {
                byField.put(field, found);
            }
        }
        return byField;
    }

    private static final String[] FIELDS = IndexFields.TEXT_FIELDS.toArray(String[]::new);

    private static final String[] NO_TEXT = new String[0];

    /**
     * The field's text in lower case (for Latin terms; a string without capitals comes back without a copy), the
     * capabilities one by one: a bigram across two tags is no match.
     */
    private static String[] lowered(Candidate c, String field) {
        if (IndexFields.CAPABILITIES.equals(field)) {
            String[] out = new String[c.capabilities.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.capabilities.get(i).toLowerCase(Locale.ROOT);
            }
            return out;
        }
        String text = ProfileDocuments.text(c, field);
        return text == null || text.isBlank() ? NO_TEXT : new String[] {text.toLowerCase(Locale.ROOT)};
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

    List<String> tokens(String text) {
        return index.terms(text);
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}
