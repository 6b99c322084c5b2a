package org.rongtong.matching.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.SessionStatus;
import org.rongtong.matching.config.KpiConfig;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.ProgrammeSession;
import org.rongtong.matching.rest.KpiBreakdown;
import org.rongtong.matching.rest.KpiBreakdown.ChainRow;
import org.rongtong.matching.rest.KpiBreakdown.PrefectureRow;
import org.rongtong.reference.Chains;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Aggregates matching-service's projections per chain and per prefecture of a region, in SQL: the dashboard's tables
 * and the KPI export read the same figures.
 */
@ApplicationScoped
public class KpiBreakdownService {

    /** Demands published from the region, per chain. */
    private static final String DEMANDS_PER_CHAIN = """
            SELECT d.chain, count(*) FROM open_demand d JOIN candidate p ON p.id = d.publisher_id
            WHERE p.region_code LIKE :prefix GROUP BY d.chain""";

    /** Matches the region's bureau sees (candidate or publisher in the region), per chain. */
    private static final String MATCHES_PER_CHAIN = """
            SELECT d.chain, count(*), count(*) FILTER (WHERE m.answered_at IS NOT NULL),
                   count(*) FILTER (WHERE m.status = 'COOPERATING')
            FROM match m JOIN open_demand d ON d.id = m.demand_id JOIN candidate c ON c.id = m.enterprise_id
                 LEFT JOIN candidate p ON p.id = d.publisher_id
            WHERE c.region_code LIKE :prefix OR p.region_code LIKE :prefix GROUP BY d.chain""";

    private static final String ENTERPRISES_PER_PREFECTURE = """
            SELECT substr(c.region_code, 1, 4),
                   count(*) FILTER (WHERE c.active),
                   count(*) FILTER (WHERE c.active AND c.kind = 'SME' AND c.tier IN (:tiers)),
                   count(*) FILTER (WHERE c.active AND c.kind = 'SME' AND c.tier IN (:tiers)
                        AND EXISTS (SELECT 1 FROM match m WHERE m.enterprise_id = c.id AND m.answered_at IS NOT NULL)),
                   count(*) FILTER (WHERE c.kind = 'SME'
                        AND EXISTS (SELECT 1 FROM match m WHERE m.enterprise_id = c.id AND m.status = 'COOPERATING'))
            FROM candidate c WHERE c.region_code LIKE :prefix AND length(c.region_code) >= 4 GROUP BY 1""";

    private static final String DEMANDS_PER_PREFECTURE = """
            SELECT substr(p.region_code, 1, 4), count(*) FROM open_demand d JOIN candidate p ON p.id = d.publisher_id
            WHERE p.region_code LIKE :prefix AND length(p.region_code) >= 4 GROUP BY 1""";

    private final Chains chains;

    public KpiBreakdownService(KpiConfig config) {
        this.chains = Chains.load(config.chainsFile());
    }

    @WithSession
    public Uni<KpiBreakdown> breakdown(String region, int year) {
        String prefix = region + "%";
        Uni<List<ProgrammeSession>> sessions = ProgrammeSession.list("status = ?1 and regionCode like ?2 and heldOn between ?3 and ?4",
                SessionStatus.HELD, prefix, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        // one reactive session: the queries run one after the other
        return sessions.chain(held -> query(DEMANDS_PER_CHAIN, prefix, false).chain(demands -> query(MATCHES_PER_CHAIN, prefix, false)
                .chain(matches -> query(ENTERPRISES_PER_PREFECTURE, prefix, true).chain(enterprises -> query(DEMANDS_PER_PREFECTURE, prefix, false)
                        .map(prefDemands -> new KpiBreakdown(region, year, perChain(region, held, demands, matches),
                                perPrefecture(held, enterprises, prefDemands)))))));
    }

    private static Uni<List<Object[]>> query(String sql, String prefix, boolean tiers) {
        return Match.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class).setParameter("prefix", prefix);
            if (tiers) {
                q.setParameter("tiers", KpiService.SPECIALISED_TIERS);
            }
            return q.getResultList();
        });
    }

    private List<ChainRow> perChain(String region, List<ProgrammeSession> held, List<Object[]> demands, List<Object[]> matches) {
        Map<String, Long> demandCount = counts(demands, 1);
        Map<String, Object[]> matchRows = new HashMap<>();
        matches.forEach(r -> matchRows.put((String) r[0], r));
        Map<String, Long> sessionCount = new HashMap<>();
        held.forEach(s -> s.chains.forEach(c -> sessionCount.merge(c, 1L, Long::sum)));
        // the province's flagship chains always show (an empty row is a gap to see), then any other chain with activity
        List<String> flagship = chains.flagshipOf(region).stream().map(Chains.Chain::code).toList();
        // a demand without a chain has no row (its matches still count in the KPIs)
        TreeSet<String> others = java.util.stream.Stream.of(demandCount.keySet(), matchRows.keySet(), sessionCount.keySet())
                .flatMap(Set::stream).filter(c -> c != null && !flagship.contains(c)).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Chains.Chain> known = new HashMap<>();
        chains.all().forEach(c -> known.put(c.code(), c));
        return java.util.stream.Stream.concat(flagship.stream(), others.stream()).map(code -> {
            Chains.Chain chain = known.get(code);
            Object[] m = matchRows.get(code);
            return new ChainRow(code, chain == null ? code : chain.name(), chain == null ? code : chain.nameEn(), flagship.contains(code),
                    demandCount.getOrDefault(code, 0L), m == null ? 0 : num(m[1]), m == null ? 0 : num(m[2]), m == null ? 0 : num(m[3]),
                    sessionCount.getOrDefault(code, 0L));
        }).toList();
    }

    private static List<PrefectureRow> perPrefecture(List<ProgrammeSession> held, List<Object[]> enterprises, List<Object[]> demands) {
        Map<String, Long> demandCount = counts(demands, 1);
        Map<String, Long> sessionCount = new HashMap<>();
        held.stream().filter(s -> s.regionCode != null && s.regionCode.length() >= 4)
                .forEach(s -> sessionCount.merge(s.regionCode.substring(0, 4), 1L, Long::sum));
        Map<String, Object[]> rows = new TreeMap<>();
        enterprises.forEach(r -> rows.put((String) r[0], r));
        TreeSet<String> codes = new TreeSet<>(rows.keySet());
        codes.addAll(demandCount.keySet());
        codes.addAll(sessionCount.keySet());
        return codes.stream().map(code -> {
            Object[] r = rows.get(code);
            return new PrefectureRow(code, r == null ? 0 : num(r[1]), r == null ? 0 : num(r[2]), r == null ? 0 : num(r[3]),
                    r == null ? 0 : num(r[4]), demandCount.getOrDefault(code, 0L), sessionCount.getOrDefault(code, 0L));
        }).toList();
    }

    private static Map<String, Long> counts(List<Object[]> rows, int column) {
        Map<String, Long> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], num(r[column])));
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
