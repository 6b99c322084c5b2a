package org.rongtong.local.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.rongtong.web.validation.CreditCode;

/**
 * Realistic, invented programme data for Shandong (province 37): enterprise profiles of every kind across its 16
 * prefectures, chain leaders' demands over the province's flagship chains, and proposals. Deterministic: the i-th
 * profile of a kind depends on the seed, the kind and i only, so the same seed gives the same data at every size
 * (the demonstration's 500 enterprises or a benchmark's 1,000,000), and a larger size only adds profiles.
 */
public final class ProgrammeGenerator {

    /** The kinds the generator makes, in the order of their credit-code blocks. */
    public static final List<String> KINDS = List.of("CHAIN_LEADER", "SME", "UNIVERSITY", "FINANCIAL_INSTITUTION");

    /** Up to 10,000,000 profiles of each kind have distinct credit codes. */
    public static final int MAX_PER_KIND = 10_000_000;

    public record Profile(String name, String creditCode, String kind, String tier, String regionCode, List<String> chains,
            List<String> capabilities, String description, Map<String, String> willingness, int employees, int yearFounded) {
    }

    /** A demand as the publish API takes it (the publisher is added by whoever publishes it). */
    public record DemandDraft(String field, String chain, String title, String description, List<String> requiredCapabilities,
            List<String> regionCodes) {
    }

    public record ProposalDraft(String title, String description, String offering) {
    }

    static final List<String> FINANCE_CAPABILITIES = List.of("供应链金融", "应收账款融资", "设备融资租赁", "绿色信贷", "知识产权质押融资", "科技贷款");
    private static final List<String> UNIVERSITY_CAPABILITIES = List.of("技术转移", "联合实验室", "人才培养", "检验检测", "中试验证");
    // the larger cities hold more enterprises: Jinan, Qingdao, Yantai and Weifang weigh most
    private static final Map<String, Integer> PREFECTURE_WEIGHT = Map.of("3701", 12, "3702", 16, "3706", 9, "3707", 9, "3703", 6,
            "3708", 6, "3713", 6, "3714", 4, "3715", 4, "3716", 4);

    private final long seed;
    private final Regions regions = Regions.of("37");
    private final List<Regions.Prefecture> weighted = new ArrayList<>();

    public ProgrammeGenerator(long seed) {
        this.seed = seed;
        for (Regions.Prefecture p : regions.prefectures()) {
            for (int i = 0; i < PREFECTURE_WEIGHT.getOrDefault(p.code(), 3); i++) {
                weighted.add(p);
            }
        }
    }

    public Regions regions() {
        return regions;
    }

    /** The flagship chains' codes, the appliance chain first. */
    public static List<String> chains() {
        return Catalogue.CHAINS.stream().map(Catalogue.Chain::code).toList();
    }

    /**
     * {@code count} profiles of mixed kinds as a province's registry holds them: per hundred, 2 chain leaders, 6
     * universities and institutes, 3 financial institutions and 89 SMEs; each kind numbered on its own.
     */
    public Stream<Profile> enterprises(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            int slot = i % 100;
            int round = i / 100;
            return slot < 2 ? profile("CHAIN_LEADER", round * 2 + slot)
                    : slot < 8 ? profile("UNIVERSITY", round * 6 + slot - 2)
                    : slot < 11 ? profile("FINANCIAL_INSTITUTION", round * 3 + slot - 8)
                    : profile("SME", round * 89 + slot - 11);
        });
    }

    /**
     * The {@code index}-th profile of a kind. The first 16 of each kind take one prefecture each, in code order (chain
     * leaders from Qingdao on, so that the first, the appliance chain's, is in Qingdao), the others by weight.
     */
    public Profile profile(String kind, int index) {
        int block = KINDS.indexOf(kind);
        if (block < 0 || index < 0 || index >= MAX_PER_KIND) {
            throw new IllegalArgumentException("No profile " + index + " of kind " + kind);
        }
        SplittableRandom r = random(block, index);
        int first = kind.equals("CHAIN_LEADER") ? 1 : 0;
        List<Regions.Prefecture> all = regions.prefectures();
        Regions.Prefecture prefecture = index < all.size() ? all.get((index + first) % all.size()) : pick(r, weighted);
        String region = pick(r, prefecture.counties());
        Catalogue.Chain chain = kind.equals("CHAIN_LEADER") ? Catalogue.CHAINS.get(index % Catalogue.CHAINS.size())
                // a quarter of the others serve the appliance chain, whose leader asks most
                : r.nextInt(4) == 0 ? Catalogue.CHAINS.get(0) : pick(r, Catalogue.CHAINS);
        Set<String> chains = new LinkedHashSet<>(List.of(chain.code()));
        if (!kind.equals("CHAIN_LEADER") && r.nextInt(100) < (kind.equals("SME") ? 15 : 60)) {
            chains.add(pick(r, Catalogue.CHAINS).code());
        }
        Set<String> capabilities = new LinkedHashSet<>();
        String name;
        String tier = null;
        int employees;
        switch (kind) {
            case "CHAIN_LEADER" -> {
                name = prefecture.shortName() + brand(r) + chain.trade() + "集团股份有限公司";
                capabilities.addAll(sample(r, chain.capabilities(), 4));
                capabilities.add("供应链管理");
                employees = 3_000 + r.nextInt(60_000);
            }
            case "SME" -> {
                name = prefecture.shortName() + brand(r) + chain.trade() + pick(r, Catalogue.SUFFIX);
                int roll = r.nextInt(100);
                tier = roll < 65 ? "SPECIALIZED_SME" : roll < 88 ? "LITTLE_GIANT" : "INNOVATIVE_SME";
                capabilities.addAll(sample(r, chain.capabilities(), 2 + r.nextInt(3)));
                if (r.nextInt(3) == 0) {
                    capabilities.add(pick(r, Catalogue.COMMON));
                }
                employees = 20 + r.nextInt(880);
            }
            case "UNIVERSITY" -> {
                name = prefecture.shortName() + brand(r) + pick(r, Catalogue.SCHOOLS) + chain.trade() + pick(r, Catalogue.INSTITUTES);
                capabilities.addAll(sample(r, chain.capabilities(), 3));
                capabilities.addAll(sample(r, UNIVERSITY_CAPABILITIES, 2));
                employees = 200 + r.nextInt(4_000);
            }
            default -> {
                name = prefecture.shortName() + brand(r) + pick(r, Catalogue.BANKS) + pick(r, Catalogue.BRANCH);
                capabilities.addAll(sample(r, FINANCE_CAPABILITIES, 3));
                employees = 50 + r.nextInt(2_000);
            }
        }
        Map<String, String> willingness = new LinkedHashMap<>();
        List<String> fields = Catalogue.FIELDS_BY_KIND.get(kind);
        for (String field : sample(r, fields, Math.min(fields.size(), 2 + r.nextInt(3)))) {
            willingness.put(field, r.nextInt(5) < 3 ? "STRONG" : "OPEN");
        }
        String description = name + "，位于" + prefecture.name() + "，专注" + String.join("、", capabilities) + "，服务" + chainNames(chains) + "产业链。";
        String authority = kind.equals("UNIVERSITY") ? "12" : "91";
        return new Profile(name, creditCode(authority, region, block, index), kind, tier, region, List.copyOf(chains),
                List.copyOf(capabilities), description, willingness, employees, 1985 + r.nextInt(38));
    }

    /**
     * {@code count} demands of a chain leader, spread evenly over {@code fields} in their order (63 demands in 9 fields:
     * 7 each), each asking for capabilities the chain's enterprises name; the {@code first}-th onwards of the leader's.
     */
    public List<DemandDraft> demands(Profile leader, int first, int count, List<String> fields) {
        List<DemandDraft> demands = new ArrayList<>();
        Catalogue.Chain chain = Catalogue.CHAINS.stream().filter(c -> c.code().equals(leader.chains().get(0))).findFirst().orElseThrow();
        for (int i = first; i < first + count; i++) {
            SplittableRandom r = random(7, leader.creditCode().hashCode() * 31L + i);
            String field = fields.get(i % fields.size());
            List<String> required = field.equals("SUPPLY_CHAIN_FINANCE") ? sample(r, FINANCE_CAPABILITIES, 1)
                    : sample(r, chain.capabilities(), 1 + r.nextInt(2));
            String title = title(field, String.join("与", required), r);
            String description = leader.name() + "面向" + chainNames(List.of(chain.code())) + "产业链发布：" + title + "。需要具备"
                    + String.join("、", required) + "能力，欢迎专精特新中小企业、高校院所和金融机构对接。";
            List<String> regions = r.nextInt(4) == 0 ? List.of() : List.of("37");
            demands.add(new DemandDraft(field, chain.code(), title, description, required, regions));
        }
        return demands;
    }

    public ProposalDraft proposal(Profile proposer, DemandDraft demand) {
        SplittableRandom r = random(8, (proposer.creditCode() + demand.title()).hashCode());
        String[] offers = {"首批样件四周内交付", "可派驻工程师驻厂联合攻关", "提供小批量试产与检测报告", "三个月内完成方案验证", "可按年度框架协议供货"};
        return new ProposalDraft("关于“" + demand.title() + "”的合作方案",
                proposer.name() + "具备" + String.join("、", proposer.capabilities()) + "能力，拟就" + demand.title() + "开展合作。",
                offers[r.nextInt(offers.length)]);
    }

    private static String title(String field, String what, SplittableRandom r) {
        String[] forms = switch (field) {
            case "TECH_RND" -> new String[] {"%s联合研发", "%s关键技术攻关", "新一代%s技术合作开发"};
            case "PROCUREMENT" -> new String[] {"%s年度集中采购", "%s供应商遴选", "%s批量采购"};
            case "PRODUCT_SUPPORTING" -> new String[] {"%s配套供应商招募", "%s本地化配套", "%s二级配套合作"};
            case "ACHIEVEMENT_TRANSFER" -> new String[] {"%s科研成果转化", "%s专利许可合作", "%s成果中试与产业化"};
            case "DIGITAL_EMPOWERMENT" -> new String[] {"%s产线数字化改造", "%s工业互联网接入", "%s智能工厂建设"};
            case "GREEN_LOW_CARBON" -> new String[] {"%s节能降碳改造", "%s绿色工艺升级", "%s碳足迹核算"};
            case "SUPPLY_CHAIN_FINANCE" -> new String[] {"上游供应商%s服务", "配套企业%s合作", "产业链%s方案"};
            case "TALENT_SHARING" -> new String[] {"%s工程师共享", "%s技能人才联合培养", "%s专家柔性引进"};
            case "QUALITY_STANDARDS" -> new String[] {"%s质量标准提升", "%s团体标准共建", "%s检验检测合作"};
            default -> new String[] {"%s资源共享", "%s合作对接"};
        };
        return forms[r.nextInt(forms.length)].formatted(what);
    }

    private static String chainNames(Iterable<String> codes) {
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            names.add(switch (code) {
                case "HOME_APPLIANCES" -> "智能家电";
                case "NEW_ENERGY_VEHICLES" -> "新能源汽车";
                case "HIGH_END_EQUIPMENT" -> "高端装备";
                case "NEW_MATERIALS" -> "新材料";
                case "BIOMEDICINE" -> "生物医药";
                case "MARINE_ECONOMY" -> "现代海洋";
                case "TEXTILES_APPAREL" -> "纺织服装";
                case "FOOD_PROCESSING" -> "食品加工";
                default -> "软件和信息技术服务";
            });
        }
        return String.join("、", names);
    }

    /**
     * A valid unified social credit code, distinct for every (kind, index): the organisation body is the index within
     * the kind's block of 10,000,000, shifted by the seed (mod 10^8, so still distinct), then both check characters.
     */
    private String creditCode(String authority, String region, int block, int index) {
        long shift = Math.floorMod(seed * 2_654_435_761L, 100_000_000L);
        long body = (block * (long) MAX_PER_KIND + index + shift) % 100_000_000L;
        return CreditCode.complete(authority + region + String.format("%08d", body));
    }

    private SplittableRandom random(int stream, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index);
    }

    private static String brand(SplittableRandom r) {
        String first = pick(r, Catalogue.BRAND);
        String second;
        do {
            second = pick(r, Catalogue.BRAND);
        } while (second.equals(first));
        return first + second;
    }

    private static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static <T> List<T> sample(SplittableRandom r, List<T> items, int n) {
        List<T> pool = new ArrayList<>(items);
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            chosen.add(pool.remove(r.nextInt(pool.size())));
        }
        return chosen;
    }
}
