package org.rongtong.matching.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.testing.TestJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The quality evaluation of the matching engine on a labelled set: nDCG@10, precision@5 and recall@20 (grade ≥ 2) and
 * the share of top-10 places taken by hard negatives, for the engine and three baselines in the same run: plain tag
 * overlap, plain BM25 over the same fields, and BM25 with the hard filters (active, willing, region, not the
 * publisher). Two sets: {@code eval/dev-set.json}, the development set written independently of the engine
 * (docs/matching-dev-set.md), split by demand into a part the weights were fitted on and a held-out part that is only
 * reported; and {@code eval/matching-eval.json}, the first small set. Run it with {@code bench/matching-eval.sh}.
 */
public final class MatchingEvaluation {

    public static final String DEV_SET = "eval/dev-set.json";
    public static final String FIRST_SET = "eval/matching-eval.json";

    public record Metrics(double ndcg10, double precision5, double recall20, double hardNegativeRate, double demandsWithHardNegative,
            double bestPrecision5) {
        @Override
        public String toString() {
            return String.format("nDCG@10 %.3f  P@5 %.3f (best possible %.3f)  R@20 %.3f  hard negatives in top 10: %.3f of places, %.0f%% of demands",
                    ndcg10, precision5, bestPrecision5, recall20, hardNegativeRate, 100 * demandsWithHardNegative);
        }
    }

    record Demand(String key, OpenDemand demand, String publisherRegion, Map<UUID, Integer> grades, Set<UUID> hardNegatives) {
    }

    final Map<UUID, String> keys = new HashMap<>();
    final List<Candidate> enterprises = new ArrayList<>();
    final List<Demand> demands = new ArrayList<>();

    public static MatchingEvaluation load() throws IOException {
        return load(FIRST_SET);
    }

    public static MatchingEvaluation load(String resource) throws IOException {
        try (InputStream in = MatchingEvaluation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            // the development set states revenue in 万元 (as enterprises write it), the registry keeps yuan
            boolean revenueInTenThousands = resource.equals(DEV_SET);
            return new MatchingEvaluation(TestJson.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    revenueInTenThousands);
        }
    }

    private MatchingEvaluation(List<Candidate> enterprises, List<Demand> demands, Map<UUID, String> keys) {
        this.enterprises.addAll(enterprises);
        this.demands.addAll(demands);
        this.keys.putAll(keys);
    }

    /**
     * The demands the weights may be fitted on ({@code heldOut} false) or the ones only reported: within each cooperation
     * field, in key order, every third demand is held out.
     */
    public MatchingEvaluation part(boolean heldOut) {
        Map<CooperationField, Integer> seen = new EnumMap<>(CooperationField.class);
        List<Demand> chosen = new ArrayList<>();
        demands.stream().sorted(Comparator.comparing(Demand::key)).forEach(d -> {
            int i = seen.merge(d.demand().field, 1, Integer::sum);
            if ((i % 3 == 0) == heldOut) {
                chosen.add(d);
            }
        });
        return new MatchingEvaluation(enterprises, chosen, keys);
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private MatchingEvaluation(JsonNode root, boolean revenueInTenThousands) {
        Map<UUID, Candidate> byId = new HashMap<>();
        for (JsonNode e : root.get("enterprises")) {
            Candidate c = new Candidate();
            c.id = id(e.get("key").asText());
            keys.put(c.id, e.get("key").asText());
            c.version = 1;
            c.name = e.get("name").asText();
            c.kind = EnterpriseKind.valueOf(e.get("kind").asText());
            c.tier = e.hasNonNull("tier") ? e.get("tier").asText() : null;
            c.regionCode = e.get("region").asText();
            c.chains = strings(e.get("chains"));
            c.capabilities = strings(e.get("capabilities"));
            c.products = e.path("products").asText("");
            c.description = e.path("description").asText("");
            c.willingness = new EnumMap<>(CooperationField.class);
            e.get("willingness").fields().forEachRemaining(w -> c.willingness.put(CooperationField.valueOf(w.getKey()),
                    Willingness.valueOf(w.getValue().asText())));
            c.active = e.path("active").asBoolean(true);
            c.employees = e.hasNonNull("employees") ? e.get("employees").asInt() : null;
            c.revenue = e.hasNonNull("revenue") ? e.get("revenue").decimalValue()
                    .multiply(java.math.BigDecimal.valueOf(revenueInTenThousands ? 10_000 : 1)) : null;
            enterprises.add(c);
            byId.put(c.id, c);
        }
        for (JsonNode d : root.get("demands")) {
            OpenDemand o = new OpenDemand();
            o.id = id(d.get("key").asText());
            o.version = 1;
            o.publisherId = id(d.get("publisher").asText());
            o.field = CooperationField.valueOf(d.get("field").asText());
            o.chain = d.get("chain").asText();
            o.title = d.get("title").asText();
            o.description = d.get("description").asText();
            o.requiredCapabilities = strings(d.get("capabilities"));
            o.regionCodes = strings(d.get("regions"));
            o.status = DemandStatus.PUBLISHED;
            o.deadline = Instant.now().plusSeconds(86_400);
            Map<UUID, Integer> grades = new HashMap<>();
            d.get("grades").fields().forEachRemaining(g -> grades.put(id(g.getKey()), g.getValue().asInt()));
            Set<UUID> hard = new java.util.HashSet<>();
            d.get("hardNegatives").forEach(h -> hard.add(id(h.asText())));
            demands.add(new Demand(d.get("key").asText(), o, byId.get(o.publisherId).regionCode, grades, hard));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The engine: index retrieval, hard gates, relevance, reciprocal score. */
    public Metrics engine(MatchingConfig config) {
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        engine.index().addAll(enterprises);
        return evaluate(d -> engine.rank(d.demand(), d.publisherRegion()).stream().map(s -> s.candidate().id).toList());
    }

    /**
     * Exposure concentration next to quality: the Gini coefficient, over the active enterprises, of the attention each
     * receives from top-10 places (position-weighted as in DCG: 1 / log2(1 + rank)), and the most top-10 places one took.
     */
    public record Exposure(Metrics quality, double gini, long enterprisesInATopTen, int mostTopTens) {
        @Override
        public String toString() {
            return String.format("%s  Gini %.3f  in a top 10: %d  most top-10 places of one: %d", quality, gini,
                    enterprisesInATopTen, mostTopTens);
        }
    }

    /**
     * The demands ranked one after another as they would be published, each {@code rounds} times (several chain leaders
     * publishing the same need), every proposal list counting as an open candidacy of its enterprises for the demands
     * that follow; with {@code damped} the engine sees those counts.
     */
    public Exposure exposure(MatchingConfig config, boolean damped, int rounds) {
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        engine.index().addAll(enterprises);
        Map<UUID, Integer> open = new HashMap<>();
        Map<UUID, Integer> topTens = new HashMap<>();
        Map<UUID, Double> attention = new HashMap<>();
        Metrics quality = null;
        for (int round = 0; round < rounds; round++) {
            Metrics m = evaluate(d -> {
                List<Scorer.Scored> ranked = engine.select(engine.candidates(d.demand(), d.publisherRegion()), damped ? open : Map.of());
                ranked.forEach(s -> open.merge(s.candidate().id, 1, Integer::sum));
                for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                    topTens.merge(ranked.get(i).candidate().id, 1, Integer::sum);
                    attention.merge(ranked.get(i).candidate().id, 1 / (Math.log(i + 2) / Math.log(2)), Double::sum);
                }
                return ranked.stream().map(s -> s.candidate().id).toList();
            });
            quality = quality == null ? m : new Metrics(quality.ndcg10() + m.ndcg10(), quality.precision5() + m.precision5(),
                    quality.recall20() + m.recall20(), quality.hardNegativeRate() + m.hardNegativeRate(),
                    quality.demandsWithHardNegative() + m.demandsWithHardNegative(), quality.bestPrecision5() + m.bestPrecision5());
        }
        Metrics mean = new Metrics(quality.ndcg10() / rounds, quality.precision5() / rounds, quality.recall20() / rounds,
                quality.hardNegativeRate() / rounds, quality.demandsWithHardNegative() / rounds, quality.bestPrecision5() / rounds);
        double[] shares = enterprises.stream().filter(c -> c.active).mapToDouble(c -> attention.getOrDefault(c.id, 0.0)).toArray();
        return new Exposure(mean, gini(shares), topTens.size(), topTens.values().stream().max(Integer::compare).orElse(0));
    }

    /** 0 when every enterprise has the same share, towards 1 when one has everything. */
    static double gini(double[] values) {
        double sum = 0, differences = 0;
        for (double a : values) {
            sum += a;
            for (double b : values) {
                differences += Math.abs(a - b);
            }
        }
        return sum == 0 ? 0 : differences / (2.0 * values.length * sum);
    }

    /** Plain BM25 over character bigrams of the same four fields, query = title + required capabilities + description. */
    public Metrics bm25(String analyzer) {
        return bm25(analyzer, false);
    }

    /**
     * Plain BM25 as above; with {@code filtered} only the profiles that pass the hard filters an outsider would apply
     * (active, willing for the field, inside the region constraint, not the publisher), no kind rule, no thesaurus.
     */
    public Metrics bm25(String analyzer, boolean filtered) {
        EnterpriseIndex index = EnterpriseIndex.plainText(analyzer);
        index.addAll(enterprises.stream().map(c -> {
            Candidate copy = MatchMapper.copy(c);
            copy.active = true; // a plain ranking knows nothing of deactivation: the filter below does
            return copy;
        }).toList());
        Map<UUID, Candidate> byId = new HashMap<>();
        enterprises.forEach(c -> byId.put(c.id, c));
        return evaluate(d -> {
            return index.search(plainBm25Query(index, d.demand()), filtered ? 2_000 : 50).stream().map(h -> byId.get(h.candidate().id))
                    .filter(c -> !filtered || c.active && !c.id.equals(d.demand().publisherId)
                            && c.willingness.getOrDefault(d.demand().field, Willingness.NONE) != Willingness.NONE
                            && Scorer.withinRegionConstraint(d.demand().regionCodes, c.regionCode))
                    .limit(50).map(c -> c.id).toList();
        });
    }

    /** Plain BM25's query: every bigram of the demand's title, required capabilities and description, once, unweighted. */
    static org.apache.lucene.search.Query plainBm25Query(EnterpriseIndex plainText, OpenDemand d) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        String text = d.title + " " + String.join(" ", d.requiredCapabilities) + " " + d.description;
        for (String token : new java.util.LinkedHashSet<>(plainText.terms(text))) {
            q.add(new TermQuery(new Term(IndexFields.ALL_TEXT, token)), Occur.SHOULD);
        }
        return q.build();
    }

    /** Plain tag overlap: the number of required capabilities equal to an offered tag, every profile, no filters. */
    public Metrics tagOverlap() {
        return evaluate(d -> enterprises.stream()
                .map(c -> Map.entry(c.id, c.capabilities.stream().filter(d.demand().requiredCapabilities::contains).count()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList());
    }

    Metrics evaluate(java.util.function.Function<Demand, List<UUID>> ranking) {
        double ndcg = 0, p5 = 0, r20 = 0, hard = 0, withHard = 0, bestP5 = 0;
        for (Demand d : demands) {
            List<UUID> ranked = ranking.apply(d);
            ndcg += ndcg(ranked, d.grades(), 10);
            long relevant = d.grades().values().stream().filter(g -> g >= 2).count();
            p5 += ranked.stream().limit(5).filter(id -> d.grades().getOrDefault(id, 0) >= 2).count() / 5.0;
            bestP5 += Math.min(5, relevant) / 5.0;
            r20 += relevant == 0 ? 1 : ranked.stream().limit(20).filter(id -> d.grades().getOrDefault(id, 0) >= 2).count()
                    / (double) relevant;
            long hardInTopTen = ranked.stream().limit(10).filter(d.hardNegatives()::contains).count();
            hard += hardInTopTen / 10.0;
            withHard += hardInTopTen > 0 ? 1 : 0;
        }
        int n = Math.max(1, demands.size());
        return new Metrics(ndcg / n, p5 / n, r20 / n, hard / n, withHard / n, bestP5 / n);
    }

    static double ndcg(List<UUID> ranked, Map<UUID, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += (Math.pow(2, grades.getOrDefault(ranked.get(i), 0)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Per demand: the engine's top 10 with grades, and the graded profiles it missed, for reading. */
    String engineTopTen(MatchingConfig config) {
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        engine.index().addAll(enterprises);
        StringBuilder sb = new StringBuilder();
        for (Demand d : demands) {
            sb.append(d.key()).append(' ').append(d.demand().field).append(' ').append(d.demand().title).append('\n');
            List<Scorer.Scored> ranked = engine.rank(d.demand(), d.publisherRegion());
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                Scorer.Scored s = ranked.get(i);
                sb.append(String.format("  %2d %-12s grade %d%s  %.3f %s%n", i + 1, keys.get(s.candidate().id),
                        d.grades().getOrDefault(s.candidate().id, 0), d.hardNegatives().contains(s.candidate().id) ? " HARD" : "",
                        s.score(), s.candidate().name));
            }
            Set<UUID> listed = new java.util.HashSet<>();
            ranked.stream().limit(20).forEach(s -> listed.add(s.candidate().id));
            d.grades().forEach((id, g) -> {
                if (g >= 2 && !listed.contains(id)) {
                    int at = -1;
                    for (int i = 0; i < ranked.size(); i++) {
                        if (ranked.get(i).candidate().id.equals(id)) {
                            at = i + 1;
                        }
                    }
                    sb.append(String.format("     missed %-12s grade %d rank %s%n", keys.get(id), g, at < 0 ? "-" : at));
                }
            });
        }
        return sb.toString();
    }

    /** The engine and the baselines on one part of a set, one line each. */
    static Map<String, Metrics> compare(MatchingEvaluation part, MatchingConfig config) {
        Map<String, Metrics> rows = new LinkedHashMap<>();
        rows.put("engine", part.engine(config));
        rows.put("BM25 with hard filters", part.bm25("cjk", true));
        rows.put("plain BM25", part.bm25("cjk", false));
        rows.put("plain tag overlap", part.tagOverlap());
        return rows;
    }

    public static void main(String[] args) throws IOException {
        MatchingEvaluation dev = load(DEV_SET);
        MatchingEvaluation fit = dev.part(false);
        MatchingEvaluation heldOut = dev.part(true);
        System.out.printf("development set: %d enterprises, %d demands (%d to fit on, %d held out); thesaurus %s, %d concepts%n",
                dev.enterprises.size(), dev.demands.size(), fit.demands.size(), heldOut.demands.size(),
                Thesaurus.standard().version(), Thesaurus.standard().size());
        System.out.println("held-out part (never tuned on):");
        compare(heldOut, TestConfig.defaults()).forEach((name, m) -> System.out.printf("  %-24s %s%n", name, m));
        System.out.println("fitting part:");
        compare(fit, TestConfig.defaults()).forEach((name, m) -> System.out.printf("  %-24s %s%n", name, m));
        System.out.println("fitting part, one setting changed (what the defaults were chosen from):");
        Map<String, TestConfig> variants = new LinkedHashMap<>();
        variants.put("structure share 0", TestConfig.settings().structureShare(0));
        variants.put("structure share 0.35", TestConfig.settings().structureShare(0.35));
        variants.put("capability only", TestConfig.settings().text(0));
        variants.put("text only", TestConfig.settings().capability(0));
        variants.put("capability 0.7, text 0.3", TestConfig.settings().capability(0.7).text(0.3));
        variants.put("capability 0.3, text 0.7", TestConfig.settings().capability(0.3).text(0.7));
        variants.put("minimum relevance 0.05", TestConfig.settings().minimumRelevance(0.05));
        variants.put("minimum relevance 0.2", TestConfig.settings().minimumRelevance(0.2));
        variants.put("minimum relevance 0.3", TestConfig.settings().minimumRelevance(0.3));
        variants.put("below-minimum penalty 0.1", TestConfig.settings().belowMinimumPenalty(0.1));
        variants.put("below-minimum penalty 0.3", TestConfig.settings().belowMinimumPenalty(0.3));
        variants.put("window 100", TestConfig.settings().rerankWindow(100));
        variants.put("window 300", TestConfig.settings().rerankWindow(300));
        variants.put("smartcn analyzer", TestConfig.settings().analyzer("smartcn"));
        variants.forEach((name, t) -> System.out.printf("  %-24s %s%n", name, fit.engine(t.config())));

        MatchingEvaluation first = load(FIRST_SET);
        System.out.printf("first labelled set (%d enterprises, %d demands), all of it:%n", first.enterprises.size(), first.demands.size());
        compare(first, TestConfig.defaults()).forEach((name, m) -> System.out.printf("  %-24s %s%n", name, m));

        System.out.println("fair exposure on the first set (demands ranked in turn; Gini of position-weighted top-10 attention):");
        for (int rounds : new int[] {1, 4}) {
            System.out.printf("each demand published %d time(s):%n", rounds);
            System.out.printf("  %-26s %s%n", "without damping", first.exposure(TestConfig.defaults(), false, rounds));
            System.out.printf("  %-26s %s%n", "default rule (3, .04, .80)", first.exposure(TestConfig.defaults(), true, rounds));
            System.out.printf("  %-26s %s%n", "stronger (1, .08, .60)", first.exposure(TestConfig.withExposure(1, 0.08, 0.60), true, rounds));
        }
        if (args.length > 0 && args[0].equals("--detail")) {
            System.out.print((args.length > 1 && args[1].equals("held-out") ? heldOut : fit).engineTopTen(TestConfig.defaults()));
        }
    }
}
