package org.rongtong.matching.service;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.matching.model.Match;
import org.rongtong.matching.rest.KpiBreakdown;
import org.rongtong.matching.rest.KpiReport;
import org.rongtong.matching.service.export.Table;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What a bureau files: the KPI report of its region (indicators, per chain, per prefecture) and the region's matches
 * with their status, as tables with Chinese headers; the resource writes them as XLSX or CSV. The region was checked
 * against the caller before any of this runs.
 */
@ApplicationScoped
public class ExportService {

    /** A bureau's region rarely holds more; past it the export says so in its last row rather than growing unbounded. */
    static final int MAX_MATCH_ROWS = 100_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private static final Map<String, String> STATUS = Map.of("PROPOSED", "已推荐", "INTERESTED", "有意向", "DECLINED", "已婉拒",
            "SHORTLISTED", "入围", "REJECTED", "未入选", "COOPERATING", "已合作", "ENDED", "已结束");

    private static final Map<String, String> KIND = Map.of("CHAIN_LEADER", "链主企业", "SME", "中小企业", "UNIVERSITY", "高校院所",
            "FINANCIAL_INSTITUTION", "金融机构");

    // the twelve cooperation fields' names, as registry-service's reference data (reference/fields.csv) gives them
    private static final Map<String, String> FIELD = Map.ofEntries(Map.entry("TECH_RND", "技术研发"), Map.entry("PROCUREMENT", "采购订单"),
            Map.entry("PRODUCT_SUPPORTING", "产品配套"), Map.entry("ACHIEVEMENT_TRANSFER", "科研成果转化"),
            Map.entry("DIGITAL_EMPOWERMENT", "数字化赋能"), Map.entry("INNOVATION_RESOURCE_SHARING", "创新资源共享"),
            Map.entry("GREEN_LOW_CARBON", "绿色低碳发展"), Map.entry("SUPPLY_CHAIN_FINANCE", "供应链金融"),
            Map.entry("TALENT_SHARING", "人才共享共用"), Map.entry("QUALITY_STANDARDS", "质量标准提升"),
            Map.entry("SPACE_CARRIER", "空间载体服务"), Map.entry("CROSS_BORDER_TRADE", "跨境经贸合作"));

    /** The bureau's view of matches: the candidate or the publisher in its region (ADR 0018); notes are the parties' own. */
    private static final String MATCHES = """
            SELECT d.title, d.chain, d.field, p.name, p.region_code, c.name, c.kind, c.region_code, m.rank, m.score, m.status,
                   m.created_at, m.updated_at, d.id, m.id
            FROM match m JOIN open_demand d ON d.id = m.demand_id JOIN candidate c ON c.id = m.enterprise_id
                 LEFT JOIN candidate p ON p.id = d.publisher_id
            WHERE c.region_code LIKE :prefix OR p.region_code LIKE :prefix
            ORDER BY m.created_at, d.id, m.rank LIMIT :limit""";

    private final KpiService kpis;
    private final KpiBreakdownService breakdowns;

    public ExportService(KpiService kpis, KpiBreakdownService breakdowns) {
        this.kpis = kpis;
        this.breakdowns = breakdowns;
    }

    public Uni<List<Table>> kpiReport(String region, int year) {
        return kpis.report(region, year).chain(report -> breakdowns.breakdown(region, year).map(b -> kpiTables(report, b)));
    }

    static List<Table> kpiTables(KpiReport report, KpiBreakdown breakdown) {
        List<List<Object>> indicators = new ArrayList<>();
        for (KpiReport.Indicator i : report.indicators()) {
            indicators.add(List.of(i.code(), i.name(), i.value(), i.numerator() == null ? "" : i.numerator(),
                    i.denominator() == null ? "" : i.denominator(), i.target(), i.met() ? "是" : "否", i.computation()));
        }
        indicators.add(List.of("", "地区 " + report.region() + "，" + report.year() + " 年，计算于 " + TIME.format(report.computedAt())
                + (report.sampleChains() ? "（产业链为示例数据）" : "")));
        List<List<Object>> chains = breakdown.chains().stream().<List<Object>>map(c -> List.of(c.chain(), c.name(), c.flagship() ? "是" : "否",
                c.demands(), c.matches(), c.answered(), c.cooperating(), c.sessionsHeld())).toList();
        List<List<Object>> prefectures = breakdown.prefectures().stream().<List<Object>>map(p -> List.of(p.prefecture(), p.enterprises(),
                p.specialisedSmes(), p.engagedSmes(), p.cooperatingSmes(), p.demands(), p.sessionsHeld())).toList();
        return List.of(
                new Table("指标", List.of("指标代码", "指标名称", "当前值", "分子", "分母", "目标值", "是否达标", "计算方法"), indicators),
                new Table("按产业链", List.of("产业链代码", "产业链", "标志性产业链", "需求数", "匹配数", "已回应匹配数", "达成合作数", "活动场次"), chains),
                new Table("按地市", List.of("地市代码", "在册企业数", "专精特新中小企业数", "参与的专精特新中小企业数", "达成合作的中小企业数",
                        "发布需求数", "活动场次"), prefectures));
    }

    @WithSession
    public Uni<Table> matches(String region) {
        return Match.getSession().chain(s -> s.createNativeQuery(MATCHES, Object[].class).setParameter("prefix", region + "%")
                .setParameter("limit", MAX_MATCH_ROWS + 1).getResultList()).map(rows -> {
                    List<List<Object>> out = new ArrayList<>();
                    for (Object[] r : rows.subList(0, Math.min(rows.size(), MAX_MATCH_ROWS))) {
                        out.add(java.util.Arrays.asList(r[0], r[1], label(FIELD, r[2]), r[3], r[4], r[5], label(KIND, r[6]), r[7], r[8],
                                Math.round(((Number) r[9]).doubleValue() * 1000) / 1000.0, label(STATUS, r[10]), time(r[11]), time(r[12]),
                                String.valueOf(r[13]), String.valueOf(r[14])));
                    }
                    if (rows.size() > MAX_MATCH_ROWS) {
                        out.add(List.of("（仅导出前 " + MAX_MATCH_ROWS + " 条，请按地市分别导出）"));
                    }
                    return new Table("对接匹配", List.of("需求标题", "产业链", "合作领域", "发布企业", "发布企业地区", "候选企业", "候选企业类型",
                            "候选企业地区", "排名", "匹配得分", "状态", "推荐时间", "更新时间", "需求编号", "匹配编号"), out);
                });
    }

    private static Object label(Map<String, String> labels, Object code) {
        return code == null ? null : labels.getOrDefault(code.toString(), code.toString());
    }

    private static Object time(Object value) {
        if (value instanceof java.time.Instant i) {
            return TIME.format(i);
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return TIME.format(o.toInstant());
        }
        if (value instanceof java.sql.Timestamp t) {
            return TIME.format(t.toInstant());
        }
        return value == null ? null : value.toString();
    }
}
