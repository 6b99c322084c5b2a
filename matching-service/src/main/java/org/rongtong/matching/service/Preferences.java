package org.rongtong.matching.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rongtong.events.DemandPreferences;
import org.rongtong.matching.model.Candidate;
import org.rongtong.matching.model.OpenDemand;

/**
 * What a demand prefers in its candidates: the fields the publisher filled in, completed from the Chinese text where it
 * did not ("专精特新企业优先", "小巨人优先", "省内企业优先", "员工100人以上", "年营业收入不低于5000万元",
 * "年需求量约50万件"). Preferences re-order relevant candidates within the structure share; a stated minimum the
 * candidate does not reach costs it a fixed share of its score (ADR 0011).
 */
public record Preferences(Set<String> tiers, boolean inProvince, Integer minEmployees, BigDecimal minRevenue,
        BigDecimal annualVolume, String annualVolumeUnit) {

    public static final Preferences NONE = new Preferences(Set.of(), false, null, null, null, null);

    /** Employees from which a supplier is taken to have the capacity for a stated annual volume (an assumption, ADR 0011). */
    static final int CAPACITY_EMPLOYEES = 100;

    private static final Pattern PREFER = Pattern.compile("优先|为佳|优选|倾向|者佳");
    private static final Pattern IN_PROVINCE = Pattern.compile("(省内|本省|本地|本市|市内)[^，。；;]{0,8}(优先|为佳|优选)|优先[^，。；;]{0,6}(省内|本省|本地|本市)");
    private static final Pattern EMPLOYEES = Pattern.compile("(员工|职工|从业人员|人员规模|人员)[^，。；;\\d]{0,8}(\\d+(?:\\.\\d+)?)\\s*(万)?\\s*(名|人)?\\s*(以上|及以上|或以上)");
    private static final Pattern REVENUE = Pattern.compile("(营业收入|营收|销售额|销售收入|产值|主营业务收入)[^，。；;\\d]{0,10}(\\d+(?:\\.\\d+)?)\\s*(亿元|亿|万元|万|元)");
    private static final Pattern VOLUME = Pattern.compile("(年需求量|年用量|年采购量|年需求|年采购|年产量需|年供货量|年供应量)[^，。；;\\d]{0,6}(\\d+(?:\\.\\d+)?)\\s*(万|千|百)?\\s*(件|套|台|吨|只|个|片|米|箱|组|支|块|平方米|公斤|千克)");

    /** The demand's effective preferences (computed once per demand). */
    public static Preferences of(OpenDemand d) {
        Preferences p = d.effectivePreferences;
        if (p == null) {
            p = merge(d.preferences, parse((d.title == null ? "" : d.title) + "。" + (d.description == null ? "" : d.description)));
            d.effectivePreferences = p;
        }
        return p;
    }

    /** Stated fields win; the text fills what was left empty. */
    static Preferences merge(DemandPreferences stated, Preferences read) {
        if (stated == null) {
            return read;
        }
        Set<String> tiers = stated.preferredTiers() != null && !stated.preferredTiers().isEmpty()
                ? new LinkedHashSet<>(stated.preferredTiers()) : read.tiers();
        return new Preferences(tiers, stated.preferInProvince() != null ? stated.preferInProvince() : read.inProvince(),
                stated.minEmployees() != null ? stated.minEmployees() : read.minEmployees(),
                stated.minRevenue() != null ? stated.minRevenue() : read.minRevenue(),
                stated.annualVolume() != null ? stated.annualVolume() : read.annualVolume(),
                stated.annualVolume() != null ? stated.annualVolumeUnit() : read.annualVolumeUnit());
    }

    /** Preferences read from a demand's Chinese text, clause by clause. */
    public static Preferences parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Set<String> tiers = new LinkedHashSet<>();
        for (String clause : text.split("[，。；;！!？?\\n]")) {
            boolean prefers = PREFER.matcher(clause).find() || clause.contains("要求") || clause.contains("须为") || clause.contains("需为");
            if (!prefers) {
                continue;
            }
            if (clause.contains("小巨人")) {
                tiers.add("LITTLE_GIANT");
            }
            if (clause.contains("专精特新") && !clause.contains("小巨人")) {
                tiers.add("SPECIALIZED_SME");
                tiers.add("LITTLE_GIANT");
            }
            if (clause.contains("创新型中小企业")) {
                tiers.add("INNOVATIVE_SME");
                tiers.add("SPECIALIZED_SME");
                tiers.add("LITTLE_GIANT");
            }
        }
        boolean inProvince = IN_PROVINCE.matcher(text).find();
        Integer employees = null;
        Matcher m = EMPLOYEES.matcher(text);
        if (m.find()) {
            BigDecimal n = new BigDecimal(m.group(2));
            employees = (m.group(3) != null ? n.multiply(BigDecimal.valueOf(10_000)) : n).intValue();
        }
        BigDecimal revenue = null;
        m = REVENUE.matcher(text);
        while (m.find()) {
            String around = clauseAround(text, Math.max(0, m.start() - 4), Math.min(text.length(), m.end() + 6), m.start());
            if (around.matches("(?s).*(不低于|不少于|以上|超过|达到|≥|>=|不小于).*")) {
                revenue = yuan(new BigDecimal(m.group(2)), m.group(3));
                break;
            }
        }
        BigDecimal volume = null;
        String unit = null;
        m = VOLUME.matcher(text);
        if (m.find()) {
            BigDecimal n = new BigDecimal(m.group(2));
            volume = m.group(3) == null ? n : n.multiply(BigDecimal.valueOf(switch (m.group(3)) {
                case "万" -> 10_000;
                case "千" -> 1_000;
                default -> 100;
            }));
            unit = m.group(4);
        }
        return new Preferences(tiers, inProvince, employees, revenue, volume, unit);
    }

    /** The text from {@code from} to {@code to}, cut at the clause boundaries around {@code at}: 以上 of another clause is not this one's. */
    private static String clauseAround(String text, int from, int to, int at) {
        int start = from;
        for (int i = at - 1; i >= from; i--) {
            if ("，。；;,\n".indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        int end = to;
        for (int i = at; i < to; i++) {
            if ("，。；;,\n".indexOf(text.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        return text.substring(start, end);
    }

    private static BigDecimal yuan(BigDecimal n, String unit) {
        return switch (unit) {
            case "亿元", "亿" -> n.multiply(BigDecimal.valueOf(100_000_000));
            case "万元", "万" -> n.multiply(BigDecimal.valueOf(10_000));
            default -> n;
        };
    }

    public boolean isEmpty() {
        return tiers.isEmpty() && !inProvince && minEmployees == null && minRevenue == null && annualVolume == null;
    }

    /**
     * How a candidate meets the preferences.
     *
     * @param share        of the stated preferences met, in [0, 1] (1 when the demand states none)
     * @param belowMinimum which stated minimum the candidate misses, or null
     */
    public record Fit(double share, String detail, String belowMinimum) {
    }

    public Fit fit(Candidate c, String publisherRegion) {
        return fit(c, publisherRegion, Set.of());
    }

    /** @param preferredKinds the kinds the demand's field prefers (universities for achievement transfer), or none */
    public Fit fit(Candidate c, String publisherRegion, Set<org.rongtong.events.EnterpriseKind> preferredKinds) {
        if (isEmpty() && preferredKinds.isEmpty()) {
            return new Fit(1.0, "no preference stated", null);
        }
        List<String> met = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        if (!preferredKinds.isEmpty()) {
            (preferredKinds.contains(c.kind) ? met : missed).add("the field's first kind " + preferredKinds);
        }
        if (!tiers.isEmpty()) {
            (c.tier != null && tiers.contains(c.tier) ? met : missed).add("tier " + String.join("/", tiers));
        }
        if (inProvince) {
            boolean same = publisherRegion != null && publisherRegion.length() >= 2 && c.regionCode != null
                    && c.regionCode.startsWith(publisherRegion.substring(0, 2));
            (same ? met : missed).add("in the publisher's province");
        }
        if (annualVolume != null) {
            boolean capacity = c.employees != null && c.employees >= CAPACITY_EMPLOYEES;
            (capacity ? met : missed).add("capacity for " + annualVolume.stripTrailingZeros().toPlainString()
                    + (annualVolumeUnit == null ? "" : annualVolumeUnit) + " a year (" + (c.employees == null ? "size not stated"
                    : c.employees + " employees") + ")");
        }
        List<String> below = new ArrayList<>();
        if (minEmployees != null) {
            if (c.employees != null && c.employees < minEmployees) {
                below.add("below the stated minimum of " + minEmployees + " employees (" + c.employees + ")");
            } else {
                (c.employees == null ? missed : met).add("at least " + minEmployees + " employees");
            }
        }
        if (minRevenue != null) {
            if (c.revenue != null && c.revenue.compareTo(minRevenue) < 0) {
                below.add("below the stated minimum revenue of " + minRevenue.stripTrailingZeros().toPlainString() + " yuan");
            } else {
                (c.revenue == null ? missed : met).add("revenue at least " + minRevenue.stripTrailingZeros().toPlainString() + " yuan");
            }
        }
        int total = met.size() + missed.size();
        double share = total == 0 ? 0 : (double) met.size() / total;
        String detail = (met.isEmpty() ? "" : "meets " + String.join(", ", met)) + (met.isEmpty() || missed.isEmpty() ? "" : "; ")
                + (missed.isEmpty() ? "" : "misses " + String.join(", ", missed));
        return new Fit(share, detail.isEmpty() ? "preferences not assessable" : detail, below.isEmpty() ? null : String.join("; ", below));
    }
}
