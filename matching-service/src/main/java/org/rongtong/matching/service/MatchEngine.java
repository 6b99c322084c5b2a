package org.rongtong.matching.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    /** The demand's terms looked for in each field of a hit, to say which were found: an explanation, not a score. */
    private static final int MAX_QUERY_TERMS = 16;
    private static final int MAX_RETRIEVAL_TERMS = 32;
    /** Clauses that find the window; the rest only score it (finding it with all of them: p50 16 ms at a million, docs/benchmarks.md). */
    private static final int FINDING_CLAUSES = 20;
    /**
     * Text similarity is the hit's BM25 score over the score of an ideal profile (every query term once, average
     * length), × this: a profile that holds a third of what the demand says, in the right places, counts as fully similar.
     */
    static final double TEXT_SCALE = 3.0;
    /**
     * Terms in more than this share of the willing profiles (and more than 1,000 of them) find everyone and tell
     * nothing: they stay out of the query.
     */
    private static final double MAX_RETRIEVAL_DF = 0.2;

    private final MatchingConfig config;
    private final Scorer scorer;
    private final EnterpriseIndex index;
    private final Thesaurus thesaurus;
    private final FairExposure exposure;
    private final LookalikeRules lookalikes;
    private final CapabilityEvidence capabilities;

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
    }

    public EnterpriseIndex index() {
        return index;
    }

    /**
     * A demand as the engine reads it: {@code reasonTerms}, its weightiest terms (by where they stand × idf), which a
     * text reason names when a profile holds them; the query's {@code clauses} and the ones {@code finding} the window; the
     * {@code ideal} BM25 score; the {@code concepts} of its capabilities, title and description; what it {@code asked}
     * (one entry per required capability, or the title's concepts when it lists none); and the business roles in which an
     * offer would be a lookalike ({@code foreignRoles}: those the field does not accept and the demand does not name).
     */
    public record DemandTerms(String[] reasonTerms, List<EnterpriseIndex.Clause> clauses, List<EnterpriseIndex.Clause> finding,
            double ideal, Map<Integer, Double> concepts, List<Asked> asked, int foreignRoles, List<Thesaurus.DistinctGroup> distinct,
            List<String[]> lookalikes) {
    }

    /**
     * One asked capability: its words, the thesaurus concepts they name (exact or near), and its character bigrams (for
     * similar wording, worked out once per demand rather than once per hit).
     */
    public record Asked(String label, String comparable, Map<Integer, Boolean> concepts, java.util.Set<Integer> bigrams) {
        Asked(String label, String comparable, Map<Integer, Boolean> concepts) {
            this(label, comparable, concepts, CapabilityEvidence.bigrams(comparable));
        }
    }

    public DemandTerms terms(OpenDemand d) {
        if (d.title == null) {
            d.title = ""; // the contract requires one; a projection row without it must not stop the ranking
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        for (String capability : d.requiredCapabilities) {
            analyse(capability, 3.0, raw);
        }
        analyse(d.title, 2.0, raw);
        analyse(d.description, 1.0, raw);
        Map<Integer, Double> concepts = new LinkedHashMap<>();
        List<Asked> asked = asked(d);
        for (Asked a : asked) {
            a.concepts().forEach((c, exact) -> concepts.merge(c, exact ? 3.0 : 1.5, Math::max));
        }
        thesaurus.concepts(d.title).forEach((c, exact) -> concepts.merge(c, exact ? 2.0 : 1.0, Math::max));
        thesaurus.concepts(d.description).forEach((c, exact) -> concepts.merge(c, exact ? 1.0 : 0.5, Math::max));
        List<String> lookups = new ArrayList<>(raw.keySet());
        concepts.keySet().forEach(c -> lookups.add(EnterpriseIndex.CONCEPT_PREFIX + thesaurus.concept(c).id()));
        Map<String, long[]> frequencies = index.documentFrequencies(d.field, lookups);
        Map<String, Double> weighted = new LinkedHashMap<>();
        raw.forEach((term, weight) -> {
            long[] df = frequencies.get(term);
            // a term no profile holds cannot tell candidates apart: the reason does not look for it
            if (df[0] > 0) {
                weighted.put(term, weight * idf(df));
            }
        });
        String[] reasonTerms = weighted.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_QUERY_TERMS).map(Map.Entry::getKey).toArray(String[]::new);
        String askedText = d.title + "。" + String.join("、", d.requiredCapabilities);
        List<String> askedAndTitle = new ArrayList<>(d.requiredCapabilities);
        askedAndTitle.add(d.title);
        int named = namedRoles(askedAndTitle);
        // the query: up to 32 terms, weighted by where they stand (BM25 brings the idf), and the concepts, the asked ones
        // above all; terms held by a large share of the registry (公司, 配套) cost the most to walk and tell the least
        List<EnterpriseIndex.Clause> clauses = new ArrayList<>();
        raw.entrySet().stream().filter(e -> frequencies.get(e.getKey())[0] > 0
                        && frequencies.get(e.getKey())[0] <= Math.max(MAX_RETRIEVAL_DF * frequencies.get(e.getKey())[1], 1_000))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(MAX_RETRIEVAL_TERMS)
                .forEach(e -> clauses.add(new EnterpriseIndex.Clause(EnterpriseIndex.willingTerm(d.field, e.getKey()),
                        e.getValue().floatValue())));
        concepts.forEach((concept, weight) -> clauses.add(new EnterpriseIndex.Clause(EnterpriseIndex.willingTerm(d.field,
                EnterpriseIndex.CONCEPT_PREFIX + thesaurus.concept(concept).id()), weight.floatValue())));
        int foreign = 0;
        for (int r = 0; r < thesaurus.roleCount(); r++) {
            if ((named & (1 << r)) == 0 && KindRules.roleIsLookalike(d.field, thesaurus.roleName(r))) {
                foreign |= 1 << r;
            }
        }
        // a lookalike pair whose relation is a role the demand names or its field accepts (维修 in a repair-training
        // demand) does not apply
        int foreignRoles = foreign;
        List<String[]> pairs = thesaurus.lookalikesFor(askedText).stream().filter(pair -> {
            int bit = thesaurus.roleBit(pair[2]);
            return bit == 0 || (foreignRoles & bit) != 0;
        }).toList();
        // what a profile holding every clause's term once, at the average length, would score (Lucene's BM25 idf)
        double ideal = 0;
        for (EnterpriseIndex.Clause c : clauses) {
            long[] df = frequencies.get(c.term().text());
            if (df[0] > 0) {
                ideal += c.boost() * idf(df) / (1 + EnterpriseIndex.BM25_K1);
            }
        }
        // the window is found with the most telling clauses only (the weightiest by boost × idf: the asked words and
        // concepts, rare words of the title); every clause then scores the window (see candidates)
        List<EnterpriseIndex.Clause> finding = clauses.stream()
                .filter(c -> frequencies.get(c.term().text())[0] > 0)
                .sorted(Comparator.comparingDouble((EnterpriseIndex.Clause c) -> -c.boost()
                        * idf(frequencies.get(c.term().text()))))
                .limit(FINDING_CLAUSES).toList();
        return new DemandTerms(reasonTerms, clauses, finding, ideal, concepts, asked, foreign,
                thesaurus.distinctGroupsAsked(askedAndTitle), pairs);
    }

    /**
     * The business roles a demand names itself, phrase by phrase (its title, each required capability), with the same
     * rules as for profiles: markers, markers that end a phrase (注塑设备, 设备维修) and a capability followed by its
     * machine (注塑机采购). A role the demand names is what it wants, never a lookalike.
     */
    private int namedRoles(List<String> phrases) {
        int named = 0;
        List<Long> found = new ArrayList<>();
        for (String phrase : phrases) {
            named |= thesaurus.roles(phrase);
            thesaurus.evidence(phrase, 0, 0, found);
        }
        for (long e : found) {
            named |= Thesaurus.rolesOf(e);
        }
        return named;
    }

    /** What a demand asks for: one entry per required capability, or the concepts its title names when it lists none. */
    private List<Asked> asked(OpenDemand d) {
        List<Asked> asked = new ArrayList<>();
        for (String capability : d.requiredCapabilities) {
            asked.add(new Asked(capability, Thesaurus.comparable(capability), thesaurus.concepts(capability)));
        }
        if (asked.isEmpty()) {
            thesaurus.concepts(d.title).forEach((concept, exact) -> asked.add(new Asked(thesaurus.concept(concept).canonical(),
                    thesaurus.concept(concept).canonical(), Map.of(concept, exact))));
        }
        return asked;
    }

    private static double idf(long[] df) {
        return Math.log(1 + (df[1] - df[0] + 0.5) / (df[0] + 0.5));
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

    private Query query(OpenDemand d, List<EnterpriseIndex.Clause> clauses) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (EnterpriseIndex.Clause c : clauses) {
            q.add(new BoostQuery(new TermQuery(c.term()), c.boost()), Occur.SHOULD);
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

    /** Every candidate of the retrieval window that passes the gates and the relevance floor, in no order. */
    public List<Scorer.Scored> candidates(OpenDemand d, String publisherRegion) {
        DemandTerms terms = terms(d);
        // the window of the finding query, each hit with the full query's BM25: the same score reverse matching reads
        // for one enterprise (0 where the full query does not match)
        List<EnterpriseIndex.Hit> window = index.searchRescored(findingQuery(d, terms), query(d, terms), config.rerankWindow());
        List<Scorer.Scored> scored = new ArrayList<>();
        for (EnterpriseIndex.Hit hit : window) {
            float bm25 = hit.score();
            scorer.score(d, publisherRegion, hit.candidate(), relevance(d, terms, hit.profile(), bm25)).ifPresent(scored::add);
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
        EnterpriseIndex.Profile profile = index.indexed(c.id);
        // the enterprise's own document gives the same BM25 score its hit would have in the demand's query
        float bm25 = profile == null ? 0 : index.scoreOf(query(d, terms), c.id);
        return scorer.score(d, publisherRegion, c, relevance(d, terms, profile == null ? index.profileOf(c) : profile, bm25));
    }

    /**
     * Several candidates against one demand whose terms were worked out once, with one index query for their BM25
     * scores: reverse matching of a batch. Each gets the score {@link #score} would give it.
     */
    public List<Scorer.Scored> scoreAll(OpenDemand d, String publisherRegion, DemandTerms terms, List<Candidate> candidates) {
        List<Candidate> eligible = candidates.stream().filter(c -> scorer.eligible(d, c)).toList();
        if (eligible.isEmpty()) {
            return List.of();
        }
        Map<UUID, Float> bm25 = index.scoresOf(query(d, terms), eligible.stream().map(c -> c.id).toList());
        List<Scorer.Scored> out = new ArrayList<>();
        for (Candidate c : eligible) {
            EnterpriseIndex.Profile profile = index.indexed(c.id);
            scorer.score(d, publisherRegion, c, relevance(d, terms, profile == null ? index.profileOf(c) : profile,
                    bm25.getOrDefault(c.id, 0f))).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The evidence of capability fit: each asked capability met by a tag, by a thesaurus concept (credited by field and
     * by synonym or near-term) or by similar wording; the demand's terms found in the profile; and whether the profile
     * only looks like a fit (a distinct process, a lookalike pair, or the concept offered in a business role the demand
     * does not ask for — its distributor, repairer, equipment maker).
     */
    public Scorer.Relevance relevance(OpenDemand d, DemandTerms terms, EnterpriseIndex.Profile profile, float bm25) {
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

    private static final String[] FIELDS = EnterpriseIndex.TEXT_FIELDS.toArray(String[]::new);

    private static final String[] NO_TEXT = new String[0];

    /**
     * The field's text in lower case (for Latin terms; a string without capitals comes back without a copy), the
     * capabilities one by one: a bigram across two tags is no match.
     */
    private static String[] lowered(Candidate c, String field) {
        if (EnterpriseIndex.CAPABILITIES.equals(field)) {
            String[] out = new String[c.capabilities.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.capabilities.get(i).toLowerCase(Locale.ROOT);
            }
            return out;
        }
        String text = EnterpriseIndex.text(c, field);
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
