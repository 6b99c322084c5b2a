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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The quality evaluation of issue 5 on {@code eval/matching-eval.json}: nDCG@10, precision@5 and recall@20 (grade ≥ 2)
 * and the share of top-10 places taken by hard negatives, for the engine, a plain BM25 ranking over the same fields
 * (no filters) and a plain tag-overlap ranking. Run it with {@code bench/matching-eval.sh}; MatchingEvaluationTest
 * asserts the engine's lead and that no hard negative reaches a top 10.
 */
public final class MatchingEvaluation {

    public record Metrics(double ndcg10, double precision5, double recall20, double hardNegativeRate) {
        @Override
        public String toString() {
            return String.format("nDCG@10 %.3f  P@5 %.3f  R@20 %.3f  hard-negatives in top 10 %.3f", ndcg10, precision5,
                    recall20, hardNegativeRate);
        }
    }

    record Demand(OpenDemand demand, String publisherRegion, Map<UUID, Integer> grades, Set<UUID> hardNegatives) {
    }

    final Map<UUID, String> keys = new HashMap<>();
    final List<Candidate> enterprises = new ArrayList<>();
    final List<Demand> demands = new ArrayList<>();

    public static MatchingEvaluation load() throws IOException {
        try (InputStream in = MatchingEvaluation.class.getClassLoader().getResourceAsStream("eval/matching-eval.json")) {
            return new MatchingEvaluation(new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private static UUID id(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private MatchingEvaluation(JsonNode root) {
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
            demands.add(new Demand(o, byId.get(o.publisherId).regionCode, grades, hard));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The engine: index retrieval, hard filters, reciprocal score. */
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
                    quality.recall20() + m.recall20(), quality.hardNegativeRate() + m.hardNegativeRate());
        }
        Metrics mean = new Metrics(quality.ndcg10() / rounds, quality.precision5() / rounds, quality.recall20() / rounds,
                quality.hardNegativeRate() / rounds);
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

    /** Plain BM25 over the text of the same four fields, every profile, no filters, no boosts. */
    public Metrics bm25(String analyzer) {
        MatchEngine engine = new MatchEngine(TestConfig.defaults(), new Scorer(TestConfig.defaults()));
        EnterpriseIndex index = new EnterpriseIndex(analyzer);
        index.addAll(enterprises.stream().map(c -> {
            Candidate copy = MatchMapper.copy(c);
            copy.active = true; // a plain ranking knows nothing of deactivation
            return copy;
        }).toList());
        return evaluate(d -> {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            String text = d.demand().title + " " + d.demand().description + " " + String.join(" ", d.demand().requiredCapabilities);
            for (String token : new java.util.LinkedHashSet<>(engine.tokens(text))) {
                q.add(new TermQuery(new Term(EnterpriseIndex.ALL_TEXT, token)), Occur.SHOULD);
            }
            return index.search(q.build(), 50).stream().map(h -> h.candidate().id).toList();
        });
    }

    /** Plain tag overlap: the share of required capabilities equal to an offered tag, every profile, no filters. */
    public Metrics tagOverlap() {
        return evaluate(d -> enterprises.stream()
                .map(c -> Map.entry(c.id, c.capabilities.stream().filter(d.demand().requiredCapabilities::contains).count()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList());
    }

    Metrics evaluate(java.util.function.Function<Demand, List<UUID>> ranking) {
        double ndcg = 0, p5 = 0, r20 = 0, hard = 0;
        for (Demand d : demands) {
            List<UUID> ranked = ranking.apply(d);
            ndcg += ndcg(ranked, d.grades(), 10);
            long relevant = d.grades().values().stream().filter(g -> g >= 2).count();
            p5 += ranked.stream().limit(5).filter(id -> d.grades().getOrDefault(id, 0) >= 2).count() / 5.0;
            r20 += relevant == 0 ? 1 : ranked.stream().limit(20).filter(id -> d.grades().getOrDefault(id, 0) >= 2).count()
                    / (double) relevant;
            hard += ranked.stream().limit(10).filter(d.hardNegatives()::contains).count() / 10.0;
        }
        int n = demands.size();
        return new Metrics(ndcg / n, p5 / n, r20 / n, hard / n);
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

    /** Per demand: the engine's top 10 with grades, for reading. */
    String engineTopTen(MatchingConfig config) {
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        engine.index().addAll(enterprises);
        StringBuilder sb = new StringBuilder();
        for (Demand d : demands) {
            sb.append(d.demand().title).append('\n');
            List<Scorer.Scored> ranked = engine.rank(d.demand(), d.publisherRegion());
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                Scorer.Scored s = ranked.get(i);
                sb.append(String.format("  %2d %-22s grade %d  %.3f%n", i + 1, keys.get(s.candidate().id),
                        d.grades().getOrDefault(s.candidate().id, 0), s.score()));
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        MatchingEvaluation eval = load();
        System.out.printf("evaluation set: %d enterprises, %d demands%n", eval.enterprises.size(), eval.demands.size());
        Map<String, Metrics> rows = new LinkedHashMap<>();
        rows.put("engine (cjk bigrams)", eval.engine(TestConfig.defaults()));
        rows.put("engine (smartcn)", eval.engine(TestConfig.of("smartcn", 0.35, 50)));
        rows.put("plain BM25 (cjk)", eval.bm25("cjk"));
        rows.put("plain BM25 (smartcn)", eval.bm25("smartcn"));
        rows.put("plain tag overlap", eval.tagOverlap());
        // ablations: one component's weight set to 0, the others unchanged
        rows.put("engine without capability", eval.engine(TestConfig.of("cjk", 0.35, 50, 0, 0.18, 0.20, 0.12, 0.10, 0.08)));
        rows.put("engine without text", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.32, 0, 0.20, 0.12, 0.10, 0.08)));
        rows.put("engine without willingness", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.32, 0.18, 0, 0.12, 0.10, 0.08)));
        rows.put("engine without chain", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.32, 0.18, 0.20, 0, 0.10, 0.08)));
        rows.put("engine without region", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.32, 0.18, 0.20, 0.12, 0, 0.08)));
        rows.put("engine without tier", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.32, 0.18, 0.20, 0.12, 0.10, 0)));
        rows.put("engine, ADR 0003 weights", eval.engine(TestConfig.of("cjk", 0.35, 50, 0.40, 0, 0.25, 0.15, 0.12, 0.08)));
        rows.forEach((name, m) -> System.out.printf("%-28s %s%n", name, m));
        System.out.println("fair exposure (demands ranked in turn; Gini of position-weighted top-10 attention over active enterprises):");
        for (int rounds : new int[] {1, 4}) {
            System.out.printf("each demand published %d time(s):%n", rounds);
            System.out.printf("  %-26s %s%n", "without damping", eval.exposure(TestConfig.defaults(), false, rounds));
            System.out.printf("  %-26s %s%n", "default rule (3, .04, .80)", eval.exposure(TestConfig.defaults(), true, rounds));
            System.out.printf("  %-26s %s%n", "stronger (1, .08, .60)", eval.exposure(TestConfig.withExposure(1, 0.08, 0.60), true, rounds));
        }
        if (args.length > 0 && args[0].equals("--detail")) {
            System.out.print(eval.engineTopTen(TestConfig.defaults()));
        }
    }
}
