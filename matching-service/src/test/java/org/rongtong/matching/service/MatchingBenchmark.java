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
 * Speed of the engine on a generated national registry (issue 5): index build rate, heap after the build, top-50
 * latency for one demand on one query thread (p50/p99), and brute-force scoring of every enterprise for comparison.
 * Run it with {@code bench/matching-speed.sh [enterprises] [queries]}.
 */
public final class MatchingBenchmark {

    private static final String[][] CHAINS = {
            {"HOME_APPLIANCES", "家电", "精密注塑,模具开发,钣金冲压,变频控制,压缩机,电机,控制板开发,PP改性,喷涂,整机装配,温控器,换热器,密封件,线束,外观件"},
            {"NEW_ENERGY_VEHICLES", "新能源汽车", "一体化压铸,铝合金压铸,动力电池,电池管理系统,电机控制器,减速器,热管理,线控底盘,车身焊接,轮毂,汽车注塑,内饰件,传感器,充电桩,轻量化"},
            {"INTEGRATED_CIRCUITS", "集成电路", "芯片设计,封装测试,精密治具,测试座,晶圆制造,光刻胶,靶材,探针卡,EDA,功率器件,MEMS,引线框架,键合丝,特种气体,洁净室"},
            {"BIOMEDICINE", "生物医药", "药物制剂,原料药,抗体工艺开发,CRO,细胞培养,医疗器械,体外诊断,中间体,临床试验,冻干,无菌灌装,疫苗,基因检测,生物发酵,质量检测"},
            {"INDUSTRIAL_MACHINERY", "高端装备", "数控机床,伺服驱动,减速机,机器人集成,液压件,轴承,齿轮加工,CNC加工,激光切割,焊接机器人,视觉检测,工业软件,气动元件,铸造,锻造"},
            {"NEW_MATERIALS", "新材料", "碳纤维,特种钢,高分子材料,稀土永磁,石墨烯,陶瓷材料,涂层,复合材料,铝型材,玻璃纤维,电子浆料,锂电材料,膜材料,硅材料,催化剂"},
            {"DIGITAL_ECONOMY", "数字经济", "工业互联网平台,MES,机器视觉,大数据分析,云计算,数字孪生,边缘计算,物联网模组,信息安全,ERP实施,数字化改造,人工智能算法,5G专网,区块链,低代码"},
            {"GREEN_ENERGY", "绿色能源", "光伏组件,储能系统,风电齿轮箱,氢燃料电池,碳足迹,节能改造,余热回收,逆变器,智能电网,充换电,生物质能,碳捕集,能源管理,电解槽,热泵"}};
    private static final String[] GENERIC = "专注,研发,生产,服务,客户,质量,技术,团队,专利,认证,行业,领先,提供,方案,配套,制造,工艺,能力,产品,企业".split(",");
    private static final String[] NAME_WORDS = "华,精,鑫,恒,瑞,科,达,宏,泰,盛,远,航,联,创,新,源,海,天,金,中".split(",");
    private static final CooperationField[] FIELDS = CooperationField.values();

    private final Random random = new Random(42);
    private final String[] regions;

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
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private List<String> tags(String[] chain, int n) {
        String[] vocab = chain[2].split(",");
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String t = random.nextInt(10) == 0 ? pick(pick(CHAINS)[2].split(",")) : pick(vocab);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
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
        c.capabilities = tags(chain, 2 + random.nextInt(4));
        List<String> products = tags(chain, 2);
        c.products = products.get(0) + "产品、" + products.get(1) + "配套件";
        c.description = pick(GENERIC) + String.join("和", c.capabilities) + "，" + pick(GENERIC) + chain[1] + "行业" + pick(GENERIC)
                + pick(GENERIC) + "，" + pick(GENERIC) + pick(GENERIC) + pick(GENERIC);
        c.name = pick(NAME_WORDS) + pick(NAME_WORDS) + c.capabilities.get(0) + "有限公司";
        c.willingness = new EnumMap<>(CooperationField.class);
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            c.willingness.put(pick(FIELDS), random.nextBoolean() ? Willingness.STRONG : Willingness.OPEN);
        }
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
        d.requiredCapabilities = tags(chain, 2 + random.nextInt(2));
        d.title = chain[1] + d.requiredCapabilities.get(0) + "合作需求";
        d.description = "寻找具备" + String.join("、", d.requiredCapabilities) + "能力的" + chain[1] + "配套企业，要求质量稳定";
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

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String analyzer = args.length > 2 ? args[2] : "cjk";
        int bruteDemands = args.length > 3 ? Integer.parseInt(args[3]) : (n >= 1_000_000 ? 5 : 20);
        MatchingConfig config = TestConfig.of(analyzer, 0.35, 50);
        MatchingBenchmark gen = new MatchingBenchmark();
        long heap0 = usedHeap();

        List<Candidate> registry = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            registry.add(gen.enterprise());
        }
        long heapProfiles = usedHeap() - heap0;
        MatchEngine engine = new MatchEngine(config, new Scorer(config));
        long t0 = System.nanoTime();
        int batch = 50_000;
        for (int i = 0; i < n; i += batch) {
            engine.index().addAll(registry.subList(i, Math.min(n, i + batch)));
        }
        engine.index().compact(); // as IndexLoader does after the rebuild
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
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
        // the same queries, index retrieval only (terms and search, no re-scoring), to show where the time goes
        long[] retrieval = new long[queries];
        long[] termsOnly = new long[queries];
        for (int i = 0; i < queries; i++) {
            long s = System.nanoTime();
            MatchEngine.DemandTerms terms = engine.terms(demands.get(i));
            termsOnly[i] = System.nanoTime() - s;
            engine.index().search(engine.query(demands.get(i), terms), config.rerankWindow());
            retrieval[i] = System.nanoTime() - s;
        }
        Arrays.sort(retrieval);
        Arrays.sort(termsOnly);

        Scorer scorer = new Scorer(config);
        long[] brute = new long[bruteDemands];
        for (int i = 0; i < bruteDemands; i++) {
            OpenDemand d = demands.get(i);
            long s = System.nanoTime();
            MatchEngine.DemandTerms terms = engine.terms(d);
            List<Scorer.Scored> all = new ArrayList<>();
            for (Candidate c : registry) {
                scorer.score(d, publisherRegion, c, engine.textMatch(terms, c)).ifPresent(all::add);
            }
            all.sort(java.util.Comparator.comparingDouble(Scorer.Scored::score).reversed());
            brute[i] = System.nanoTime() - s;
        }
        Arrays.sort(brute);

        double p50 = percentile(nanos, 0.50);
        System.out.printf("enterprises %,d  analyzer %s  Java %s  cores %d  max heap %d MiB%n", n, analyzer,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("index build: %.1f s -> %,.0f enterprises/s%n", buildSeconds, n / buildSeconds);
        System.out.printf("heap after build: %,d MiB (profiles %,d MiB, index and the rest %,d MiB)%n", heapAll >> 20,
                heapProfiles >> 20, (heapAll - heapProfiles) >> 20);
        System.out.printf("top-50 for one demand, %d queries, one thread: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  (avg %.1f candidates)%n",
                queries, p50, percentile(nanos, 0.90), percentile(nanos, 0.99), nanos[queries - 1] / 1e6, found / (double) queries);
        System.out.printf("of which index retrieval (terms, search, %d hits): p50 %.2f ms  p99 %.2f ms; analysing the demand and its idf alone: p50 %.2f ms%n",
                config.rerankWindow(), percentile(retrieval, 0.5), percentile(retrieval, 0.99), percentile(termsOnly, 0.5));
        System.out.printf("brute force (score every enterprise), %d demands: p50 %.1f ms -> engine is %.0fx faster%n", bruteDemands,
                percentile(brute, 0.50), percentile(brute, 0.50) / p50);
    }
}
