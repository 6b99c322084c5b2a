package org.rongtong.matching.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.SessionSnapshot;
import org.rongtong.events.SessionStatus;
import org.rongtong.matching.config.KpiConfig;
import org.rongtong.matching.model.Match;
import org.rongtong.matching.model.ProgrammeSession;
import org.rongtong.matching.rest.KpiReport;
import org.rongtong.matching.rest.KpiReport.Indicator;
import org.rongtong.reference.Chains;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.validation.RegionCode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The programme KPIs of design §2 for a province (2 digits) or prefecture (4 digits), computed on request from
 * matching-service's own projections: sessions count in the calendar year asked for, cooperations and participation
 * programme to date. Specialised SMEs are SMEs of tier SPECIALIZED_SME or LITTLE_GIANT.
 */
@ApplicationScoped
public class KpiService {

    static final List<String> SPECIALISED_TIERS = List.of("SPECIALIZED_SME", "LITTLE_GIANT");

    private static final String COOPERATIONS = """
            SELECT d.chain, c.id, c.kind, c.region_code, p.region_code
            FROM match m JOIN open_demand d ON d.id = m.demand_id JOIN candidate c ON c.id = m.enterprise_id
                 LEFT JOIN candidate p ON p.id = d.publisher_id
            WHERE m.status = 'COOPERATING' AND (c.region_code LIKE :prefix OR p.region_code LIKE :prefix)""";

    private static final String PARTICIPATION = """
            SELECT count(*),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match m WHERE m.enterprise_id = c.id AND m.answered_at IS NOT NULL))
            FROM candidate c
            WHERE c.active AND c.kind = 'SME' AND c.tier IN (:tiers) AND c.region_code LIKE :prefix""";

    private final KpiConfig config;
    private final Chains chains;

    public KpiService(KpiConfig config) {
        this.config = config;
        this.chains = Chains.load(config.chainsFile());
    }

    /** Keeps the session projection; a replayed or older snapshot changes nothing. */
    @WithTransaction
    public Uni<Void> onSession(SessionSnapshot s) {
        return ProgrammeSession.<ProgrammeSession>findById(s.id()).chain(known -> {
            if (known != null && known.version >= s.version()) {
                return Uni.createFrom().voidItem();
            }
            ProgrammeSession target = known != null ? known : new ProgrammeSession();
            target.id = s.id();
            target.version = s.version();
            target.regionCode = s.regionCode();
            target.heldOn = s.date();
            target.chains = s.chains() == null ? List.of() : List.copyOf(s.chains());
            target.status = s.status();
            return known != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
        });
    }

    /** {@code 37}, {@code 3702}, or their six-digit forms {@code 370000}, {@code 370200}; 400 for anything else. */
    public static String normalise(String region) {
        if (region == null || !RegionCode.isPrefix(region) || region.length() == 6 && !region.endsWith("00")) {
            throw ProblemException.invalid("region", "must be a province (37 or 370000) or prefecture (3702 or 370200) code");
        }
        if (region.length() == 6) {
            region = region.endsWith("0000") ? region.substring(0, 2) : region.substring(0, 4);
        }
        return region;
    }

    @WithSession
    public Uni<KpiReport> report(String region, int year) {
        boolean province = region.length() == 2;
        KpiConfig.Targets targets = province ? config.province() : config.prefecture();
        String prefix = region + "%";
        List<Chains.Chain> flagship = chains.flagshipOf(region);
        Uni<List<ProgrammeSession>> sessions = ProgrammeSession.list("status = ?1 and regionCode like ?2 and heldOn between ?3 and ?4",
                SessionStatus.HELD, prefix, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Uni<List<Object[]>> cooperations = Match.getSession().chain(s -> s.createNativeQuery(COOPERATIONS, Object[].class)
                .setParameter("prefix", prefix).getResultList());
        Uni<List<Object[]>> participation = Match.getSession().chain(s -> s.createNativeQuery(PARTICIPATION, Object[].class)
                .setParameter("prefix", prefix).setParameter("tiers", SPECIALISED_TIERS).getResultList());
        // one reactive session: the queries run one after the other
        return sessions.chain(held -> cooperations.chain(coop -> participation.map(part -> {
            List<Indicator> indicators = new ArrayList<>();
            indicators.add(coverage(flagship, held, coop, targets, year));
            indicators.add(cooperatingSmes(coop, prefix, targets));
            indicators.add(new Indicator("SESSIONS_HELD", "对接活动场次", "Matchmaking sessions held", held.size(), (long) held.size(), null,
                    targets.sessionsPerYear(), held.size() >= targets.sessionsPerYear(),
                    "sessions HELD in " + year + " for a region code starting with " + region + " (from demand.sessions.v1)"));
            Object[] counts = part.get(0);
            long registered = ((Number) counts[0]).longValue();
            long engaged = ((Number) counts[1]).longValue();
            double rate = registered == 0 ? 0 : (double) engaged / registered;
            indicators.add(new Indicator("PARTICIPATION_RATE", "专精特新中小企业参与率", "Specialised SME participation rate", rate, engaged,
                    registered, targets.participationRate(), rate > targets.participationRate(),
                    "active SMEs of tier " + String.join(" or ", SPECIALISED_TIERS) + " registered in " + region
                            + " that answered a match (interest or decline) or submitted a proposal, / all of them"));
            boolean sample = !flagship.isEmpty() && flagship.get(0).sample();
            return new KpiReport(region, province ? "PROVINCE" : "PREFECTURE", year, Instant.now(), sample, List.copyOf(indicators));
        })));
    }

    private static Indicator coverage(List<Chains.Chain> flagship, List<ProgrammeSession> held, List<Object[]> cooperations,
            KpiConfig.Targets targets, int year) {
        Set<String> covered = new HashSet<>();
        held.forEach(s -> covered.addAll(s.chains));
        cooperations.forEach(row -> covered.add((String) row[0]));
        List<String> codes = flagship.stream().map(Chains.Chain::code).toList();
        long hit = codes.stream().filter(covered::contains).count();
        double share = codes.isEmpty() ? 0 : (double) hit / codes.size();
        return new Indicator("FLAGSHIP_CHAINS_COVERED", "标志性产业链覆盖率", "Flagship chains covered", share, hit, (long) codes.size(),
                targets.flagshipChainCoverage(), !codes.isEmpty() && share >= targets.flagshipChainCoverage(),
                "the province's flagship chains " + codes + " with a session HELD in " + year + " in the region or a match in "
                        + "COOPERATING on a demand of the chain with the candidate or the publisher in the region, / all of them");
    }

    private static Indicator cooperatingSmes(List<Object[]> cooperations, String prefix, KpiConfig.Targets targets) {
        Set<UUID> smes = new HashSet<>();
        String region = prefix.substring(0, prefix.length() - 1);
        for (Object[] row : cooperations) {
            String kind = (String) row[2];
            String candidateRegion = (String) row[3];
            if ("SME".equals(kind) && candidateRegion != null && candidateRegion.startsWith(region)) {
                smes.add((UUID) row[1]);
            }
        }
        return new Indicator("SMES_COOPERATING", "与链主企业达成合作的中小企业", "SMEs cooperating with a chain leader", smes.size(),
                (long) smes.size(), null, targets.cooperatingSmes(), smes.size() >= targets.cooperatingSmes(),
                "distinct SMEs registered in " + region + " with a match in COOPERATING on a chain leader's demand, programme to date");
    }
}
