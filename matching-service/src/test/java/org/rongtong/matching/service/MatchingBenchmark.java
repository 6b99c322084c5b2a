package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.config.MatchingConfig;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * Speed of the engine on a generated national registry (issues 5 and 11): index build rate, heap after the build, top-50
 * latency for one demand on one query thread (p50/p99), and in the same run a plain BM25 top-50 query of the same
 * demand text over the same profiles, for comparison. The registry's
 * vocabulary is realistic in size and shape: thousands of distinct capability terms (the thesaurus's forms, each also
 * with modifiers such as 精密 or 汽车级) drawn with a long tail, and descriptions of 100–250 characters.
 * Run it with {@code bench/matching-speed.sh [enterprises] [queries]}.
 */
public final class MatchingBenchmark {

    private static final String[][] CHAINS = {
            {"HOME_APPLIANCES", "智能家电"}, {"NEW_ENERGY_VEHICLES", "新能源汽车"}, {"INTEGRATED_CIRCUITS", "集成电路"},
            {"HIGH_END_EQUIPMENT", "高端装备"}, {"NEW_MATERIALS", "新材料"}, {"BIOMEDICINE", "生物医药"},
            {"MARINE_ECONOMY", "现代海洋"}, {"TEXTILES_APPAREL", "纺织服装"}, {"FOOD_PROCESSING", "食品加工"},
            {"SOFTWARE_IT", "软件和信息技术服务"}};
    private static final String[] MODIFIERS = "精密,大型,高速,微型,汽车级,医用,耐高温,轻量化,智能,高精度,柔性,一体化,多层,超薄,环保,高强度,低功耗,数控,自动化,定制化".split(",");
    private static final String[] CUSTOMERS = "海尔,海信,比亚迪,潍柴,浪潮,中车,京东方,宁德时代,齐鲁制药,歌尔,青岛啤酒,魏桥".split(",");
    private static final String[] CERTS = "ISO9001,IATF16949,ISO13485,ISO14001,GMP,CNAS,AS9100".split(",");
    private static final String[] CITIES = "济南,青岛,淄博,枣庄,东营,烟台,潍坊,济宁,泰安,威海,日照,临沂,德州,聊城,滨州,菏泽,苏州,深圳,宁波,合肥".split(",");
    private static final String[] NAME_WORDS = "华,精,鑫,恒,瑞,科,达,宏,泰,盛,远,航,联,创,新,源,海,天,金,中".split(",");
    private static final CooperationField[] FIELDS = CooperationField.values();
    /** Enterprises per write: the startup rebuild's batches, and a live import's (the consumer's max.poll.records). */
    private static final int REBUILD_BATCH = 50_000;
    private static final int LIVE_BATCH = 5_000;

    private final Random random = new Random(42);
    private final String[] regions;
    /** the capability vocabulary, most frequent first; drawn with a long tail */
    private final String[] vocabulary;

    MatchingBenchmark() {
        List<String> codes = new ArrayList<>();
        int[] provinces = {11, 12, 13, 14, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 50, 51, 52, 53, 61, 62};
        for (int p : provinces) {
            for (int city = 1; city <= 12; city++) {
                for (int county = 1; county <= 10; county++) {
                    codes.add(String.format("%02d%02d%02d", p, city, county));
                }
            }
        }
        regions = codes.toArray(String[]::new);
        Thesaurus thesaurus = Thesaurus.standard();
        List<String> base = new ArrayList<>();
        for (int i = 0; i < thesaurus.size(); i++) {
            base.addAll(thesaurus.concept(i).synonyms());
            base.addAll(thesaurus.concept(i).nearTerms());
        }
        java.util.Collections.shuffle(base, new Random(7));
        List<String> vocab = new ArrayList<>(base);
        for (String modifier : MODIFIERS) {
            for (String term : base) {
                if (random.nextInt(4) == 0 && !term.startsWith(modifier)) {
                    vocab.add(modifier + term);
                }
            }
        }
        vocabulary = vocab.stream().distinct().toArray(String[]::new);
    }

    /** Distinct capability terms in the generated registry's vocabulary. */
    int vocabularySize() {
        return vocabulary.length;
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** A term with a long tail: the first few hundred terms are common, most of the vocabulary is rare. */
    private String term() {
        double u = random.nextDouble();
        return vocabulary[(int) (vocabulary.length * u * u * u)];
    }

    private List<String> tags(int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String t = term();
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private String description(String chain, List<String> capabilities, List<String> products) {
        StringBuilder sb = new StringBuilder();
        sb.append("公司成立于").append(1990 + random.nextInt(33)).append("年，位于").append(pick(CITIES)).append("，是一家专注于")
                .append(String.join("、", capabilities)).append("的").append(chain).append("配套企业。");
        sb.append("主要产品包括").append(String.join("、", products)).append("，广泛应用于").append(term()).append("和").append(term())
                .append("等领域。");
        if (random.nextBoolean()) {
            sb.append("公司拥有").append(10 + random.nextInt(200)).append("项专利，通过").append(pick(CERTS)).append("认证，");
        }
        sb.append("长期为").append(pick(CUSTOMERS)).append("、").append(pick(CUSTOMERS)).append("等客户提供").append(term())
                .append("解决方案，年产能").append(1 + random.nextInt(500)).append("万件。");
        return sb.toString();
    }

    Candidate enterprise() {
        String[] chain = pick(CHAINS);
        Candidate c = new Candidate();
        c.id = new UUID(random.nextLong(), random.nextLong());
        c.version = 1;
        int k = random.nextInt(100);
        c.kind = k < 85 ? EnterpriseKind.SME : k < 90 ? EnterpriseKind.UNIVERSITY : k < 93 ? EnterpriseKind.FINANCIAL_INSTITUTION
                : k < 98 ? EnterpriseKind.SERVICE_PROVIDER : EnterpriseKind.CHAIN_LEADER;
        int t = random.nextInt(10);
        c.tier = t < 4 ? null : t < 7 ? "INNOVATIVE_SME" : t < 9 ? "SPECIALIZED_SME" : "LITTLE_GIANT";
        c.regionCode = pick(regions);
        c.chains = List.of(chain[0]);
        c.capabilities = tags(2 + random.nextInt(5));
        List<String> products = tags(2);
        c.products = products.get(0) + "、" + products.get(1);
        c.description = description(chain[1], c.capabilities, products);
        c.name = pick(NAME_WORDS) + pick(NAME_WORDS) + c.capabilities.get(0) + "有限公司";
        c.willingness = new EnumMap<>(CooperationField.class);
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            c.willingness.put(pick(FIELDS), random.nextBoolean() ? Willingness.STRONG : Willingness.OPEN);
        }
        c.employees = 10 + random.nextInt(2000);
        c.active = true;
        return c;
    }

    OpenDemand demand(UUID publisher) {
        String[] chain = pick(CHAINS);
        OpenDemand d = new OpenDemand();
        d.id = UUID.randomUUID();
        d.version = 1;
        d.publisherId = publisher;
        CooperationField[] common = {CooperationField.PRODUCT_SUPPORTING, CooperationField.PROCUREMENT, CooperationField.TECH_RND,
                CooperationField.DIGITAL_EMPOWERMENT};
        d.field = pick(common);
        d.chain = chain[0];
        d.requiredCapabilities = tags(1 + random.nextInt(3));
        d.title = chain[1] + d.requiredCapabilities.get(0) + "合作需求";
        d.description = "因" + chain[1] + "产线扩产需要，现面向全国寻找具备" + String.join("、", d.requiredCapabilities) + "能力的配套企业，"
                + "用于" + term() + "和" + term() + "，要求具备稳定的质量管理体系和" + term() + "经验，年需求量约" + (1 + random.nextInt(100))
                + "万件，交付周期不超过" + (7 + random.nextInt(60)) + "天，优先考虑专精特新企业。";
        String region = pick(regions);
        int r = random.nextInt(3);
        d.regionCodes = r == 0 ? List.of() : r == 1 ? List.of(region.substring(0, 2)) : List.of(region.substring(0, 2),
                pick(regions).substring(0, 2));
        d.status = DemandStatus.PUBLISHED;
        d.deadline = java.time.Instant.now().plusSeconds(86_400);
        return d;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double percentile(long[] sortedNanos, double p) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p * sortedNanos.length) - 1)] / 1e6;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String analyzer = args.length > 2 ? args[2] : "cjk";
        MatchingConfig config = TestConfig.settings().analyzer(analyzer).config();
        MatchingBenchmark gen = new MatchingBenchmark();
        long heap0 = usedHeap();

        List<Candidate> registry = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            registry.add(gen.enterprise());
        }
        long heapProfiles = usedHeap() - heap0;
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        long t0 = System.nanoTime();
        // -Drongtong.bench.live=true: as a live import leaves the index (the consumer's batches of 5,000, each made
        // visible, never compacted) instead of as a rebuild at startup does (large batches, then one segment)
        boolean live = Boolean.getBoolean("rongtong.bench.live");
        if (live) {
            for (int i = 0; i < n; i += LIVE_BATCH) {
                engine.index().putAllIfNewer(registry.subList(i, Math.min(n, i + LIVE_BATCH)));
            }
        } else {
            for (int i = 0; i < n; i += REBUILD_BATCH) {
                engine.index().addAll(registry.subList(i, Math.min(n, i + REBUILD_BATCH)));
            }
            engine.index().compact(); // as IndexLoader does after the rebuild
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        if (live) {
            // the segments the import left (one per batch, some merged), then the merge once its writes paused (IndexCompaction)
            long s0 = System.nanoTime();
            int left = engine.index().segments();
            while (engine.index().segments() > 1 && System.nanoTime() - s0 < 300_000_000_000L) {
                Thread.sleep(100);
            }
            System.out.printf("live import left %d segment(s); merged into %d, %.1f s after its last write%n", left,
                    engine.index().segments(), (System.nanoTime() - s0) / 1e9);
        }
        long heapAll = usedHeap() - heap0;

        UUID publisher = registry.get(0).id;
        List<OpenDemand> demands = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            demands.add(gen.demand(publisher));
        }
        String publisherRegion = registry.get(0).regionCode;
        for (int i = 0; i < Math.min(300, queries); i++) { // warm-up
            engine.rank(demands.get(i), publisherRegion);
        }
        long[] nanos = new long[queries];
        long found = 0;
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            found += engine.rank(demands.get(i), publisherRegion).size();
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        // the same queries, index retrieval only (terms, finding the window, the full query's score for it; no re-scoring),
        // to show where the time goes
        long[] retrieval = new long[queries];
        long[] termsOnly = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            DemandTerms terms = engine.terms(demands.get(i));
            termsOnly[i] = System.nanoTime() - s;
            List<IndexHits.Hit> window = engine.index().search(engine.findingQuery(demands.get(i), terms), config.rerankWindow());
            engine.index().scoresOf(engine.query(demands.get(i), terms), window.stream().map(h -> h.candidate().id).toList());
            retrieval[i] = System.nanoTime() - s;
        }
        Arrays.sort(retrieval);
        Arrays.sort(termsOnly);
        double p50 = percentile(nanos, 0.50);
        System.out.printf("enterprises %,d  analyzer %s  Java %s  cores %d  max heap %d MiB  vocabulary %,d capability terms  mean description %.0f chars%n",
                n, analyzer, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, gen.vocabularySize(),
                registry.stream().limit(10_000).mapToInt(c -> c.description.length()).average().orElse(0));
        System.out.printf("index build%s: %.1f s -> %,.0f enterprises/s, %d segment(s)%n", live ? " (live import)" : "", buildSeconds,
                n / buildSeconds, engine.index().segments());
        System.out.printf("heap after build: %,d MiB (profiles %,d MiB, index and the rest %,d MiB)%n", heapAll >> 20,
                heapProfiles >> 20, (heapAll - heapProfiles) >> 20);
        System.out.printf("top-50 for one demand, %d queries, one thread: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (avg %.1f candidates)%n",
                queries, p50, percentile(nanos, 0.90), percentile(nanos, 0.99), nanos[queries - 1] / 1e6, found / (double) queries);
        System.out.printf("of which index retrieval (terms, window of %d hits, its full BM25): p50 %.2f ms  p99 %.2f ms; analysing the demand and its idf alone: p50 %.2f ms%n",
                config.rerankWindow(), percentile(retrieval, 0.5), percentile(retrieval, 0.99), percentile(termsOnly, 0.5));
        // plain BM25: the same demand text, every term, over the same profiles, top 50, no filters, no re-scoring; in an
        // index of its own, built once the engine's figures are printed and its index is closed (both at once do not fit
        // the heap at a million), as the engine's index keeps no unprefixed text field
        System.out.flush();
        engine.index().close();
        EnterpriseIndex bm25 = EnterpriseIndex.plainText(analyzer);
        for (int i = 0; i < n; i += REBUILD_BATCH) {
            bm25.addAll(registry.subList(i, Math.min(n, i + REBUILD_BATCH)));
        }
        bm25.compact();
        long[] plain = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            bm25.search(MatchingEvaluation.plainBm25Query(bm25, demands.get(i)), 50);
            plain[i] = System.nanoTime() - s;
        }
        Arrays.sort(plain);

        System.out.printf("plain BM25 top-50 of the same demand text (all its terms, no filters): p50 %.2f ms  p99 %.2f ms -> engine/BM25 p50 %.2f, p99 %.2f%n",
                percentile(plain, 0.5), percentile(plain, 0.99), p50 / percentile(plain, 0.5), percentile(nanos, 0.99) / percentile(plain, 0.99));
    }
}
