package org.rongtong.local;

import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.rongtong.local.generator.ImportFiles;
import org.rongtong.local.generator.ProgrammeGenerator;
import org.rongtong.local.generator.ProgrammeGenerator.DemandDraft;
import org.rongtong.local.generator.ProgrammeGenerator.Profile;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demonstration programme at the scale of the first Qingdao programme (ADR 0025), loaded through the public APIs
 * as a partner system, the chain leaders, the candidates and the operator would: 20 chain leaders, 460 SMEs (400+ of
 * them specialised), 24 universities and institutes and 12 financial institutions across Shandong's 16 prefectures
 * (one bulk import); the appliance chain leader's 63 demands in 9 cooperation fields and 3 demands from each other
 * leader; proposals, answers and confirmed cooperations; the Qingdao session of 2022-06-27 and this year's sessions
 * across the province's cities ({@link DemoSessions}). Every KPI of /api/v1/kpis?region=37 then has a value.
 */
public final class DemoProgramme {

    static final long SEED = 20220627;
    static final int LEADERS = 20;
    static final int SMES = 460;
    static final int UNIVERSITIES = 24;
    static final int FINANCIAL = 12;
    static final int APPLIANCE_DEMANDS = 63;
    static final List<String> APPLIANCE_FIELDS = List.of("PRODUCT_SUPPORTING", "TECH_RND", "PROCUREMENT", "ACHIEVEMENT_TRANSFER",
            "DIGITAL_EMPOWERMENT", "GREEN_LOW_CARBON", "SUPPLY_CHAIN_FINANCE", "TALENT_SHARING", "QUALITY_STANDARDS");
    static final int PROPOSALS = 45;
    static final int COOPERATIONS = 24;

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final StackClient client;
    private final ProgrammeGenerator generator = new ProgrammeGenerator(SEED);

    /** What was loaded: for the summary and the test. */
    public record Loaded(String applianceLeaderId, int enterprises, int demands, int proposals, int cooperations, int sessions,
            JsonNode kpis) {
    }

    /** A published demand: its id, its chain leader's and what it was drafted from. */
    record Demand(String id, String leaderId, DemandDraft draft) {
    }

    public DemoProgramme(StackClient client) {
        this.client = client;
    }

    /** The demonstration's profiles in import order: leaders (the appliance leader, in Qingdao, first), SMEs, universities, banks. */
    List<Profile> profiles() {
        return Stream.of(Stream.iterate(0, i -> i + 1).limit(LEADERS).map(i -> generator.profile("CHAIN_LEADER", i)),
                Stream.iterate(0, i -> i + 1).limit(SMES).map(i -> generator.profile("SME", i)),
                Stream.iterate(0, i -> i + 1).limit(UNIVERSITIES).map(i -> generator.profile("UNIVERSITY", i)),
                Stream.iterate(0, i -> i + 1).limit(FINANCIAL).map(i -> generator.profile("FINANCIAL_INSTITUTION", i)))
                .flatMap(s -> s).toList();
    }

    /** Loads the programme, or says it is there already (from an earlier --demo on the same databases). */
    public Loaded load(PrintStream out) {
        long started = System.nanoTime();
        List<Profile> profiles = profiles();
        List<String> ids = importProfiles(profiles);
        if (ids == null) {
            out.println("The demonstration programme is loaded already (run with --fresh to load it anew).");
            return null;
        }
        out.printf("  %d enterprises registered (one bulk import) …%n", ids.size());
        List<Demand> demands = publishDemands(profiles, ids);
        out.printf("  %d demands published (the appliance chain leader's %d in %d fields) …%n", demands.size(), APPLIANCE_DEMANDS,
                APPLIANCE_FIELDS.size());
        Map<String, JsonNode> matches = awaitMatches(demands);
        int[] answered = answer(profiles, ids, demands, matches);
        out.printf("  %d proposals, %d other answers, %d cooperations confirmed …%n", answered[0], answered[1], answered[2]);
        int sessions = new DemoSessions(client).hold(profiles, ids, demands);
        JsonNode kpis = client.until(() -> client.get(Service.MATCHING, "/api/v1/kpis?region=37", DevTokens.bureau("37")),
                r -> r.status() == 200 && everyIndicatorHasAValue(r.body()), WAIT).body();
        out.printf("Demonstration programme loaded in %.0f s: %d enterprises, %d demands, %d sessions. Shandong's KPIs (bureau 37):%n",
                (System.nanoTime() - started) / 1e9, ids.size(), demands.size(), sessions);
        for (JsonNode indicator : kpis.get("indicators")) {
            out.printf("  %-28s %s%n", indicator.get("name").asText(), indicator.get("value").asText());
        }
        out.println("Where to look (with the bureau 37 token below):");
        out.println("  KPIs        " + client.url(Service.MATCHING) + "/api/v1/kpis?region=37   (the Qingdao session's year: &year=2022)");
        out.println("  sessions    " + client.url(Service.DEMAND) + "/api/v1/sessions?region=37");
        out.println("  demands     " + client.url(Service.DEMAND) + "/api/v1/demands?publisher=" + ids.get(0) + "   (the appliance chain leader's)");
        out.println("  live feed   " + client.url(Service.NOTIFICATION) + "/api/v1/stream   (server-sent events)");
        out.println("  appliance chain leader (" + profiles.get(0).name() + ") token:\n    " + DevTokens.enterprise(UUID.fromString(ids.get(0))));
        return new Loaded(ids.get(0), ids.size(), demands.size(), answered[0], answered[2], sessions, kpis);
    }

    static boolean everyIndicatorHasAValue(JsonNode report) {
        JsonNode indicators = report.get("indicators");
        if (indicators == null || indicators.isEmpty()) {
            return false;
        }
        for (JsonNode indicator : indicators) {
            if (indicator.get("value").asDouble() <= 0) {
                return false;
            }
        }
        return true;
    }

    /** One NDJSON import by the partner; the ids in line order, or null when every row was a credit code registered before. */
    private List<String> importProfiles(List<Profile> profiles) {
        StringWriter ndjson = new StringWriter();
        ImportFiles.ndjson(profiles.stream(), ndjson);
        StackClient.Reply reply = client.postText(Service.REGISTRY, "/api/v1/enterprises/imports", DevTokens.partner(), "application/x-ndjson",
                ndjson.toString(), Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException("The demonstration's import failed: " + reply.status() + " " + reply.body());
        }
        JsonNode job = reply.body();
        if (job.get("rejected").asInt() == profiles.size() && job.toString().contains("creditCode")) {
            return null;
        }
        if (job.get("rejected").asInt() > 0) {
            throw new IllegalStateException("The demonstration's import rejected rows: " + job.get("rejections"));
        }
        String[] ids = new String[profiles.size()];
        for (JsonNode registered : job.get("registered")) {
            ids[registered.get("line").asInt() - 1] = registered.get("id").asText();
        }
        return List.of(ids);
    }

    private List<Demand> publishDemands(List<Profile> profiles, List<String> ids) {
        List<Demand> demands = new ArrayList<>();
        String deadline = Instant.now().plus(90, ChronoUnit.DAYS).toString();
        for (int leader = 0; leader < LEADERS; leader++) {
            Profile profile = profiles.get(leader);
            List<DemandDraft> drafts = leader == 0 ? generator.demands(profile, 0, APPLIANCE_DEMANDS, APPLIANCE_FIELDS)
                    : generator.demands(profile, 0, 3, List.of("PRODUCT_SUPPORTING", "TECH_RND", "DIGITAL_EMPOWERMENT"));
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (DemandDraft d : drafts) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("field", d.field());
                body.put("chain", d.chain());
                body.put("title", d.title());
                body.put("description", d.description());
                body.put("requiredCapabilities", d.requiredCapabilities());
                body.put("regionCodes", d.regionCodes());
                body.put("deadline", deadline);
                bodies.add(body);
            }
            String token = DevTokens.enterprise(UUID.fromString(ids.get(leader)));
            // demand-service learns of the chain leader from the registry's event: retry until it has
            JsonNode created = client.until(() -> client.post(Service.DEMAND, "/api/v1/demands/batch", token, Map.of("demands", bodies)),
                    r -> r.status() == 201, WAIT).body().get("demands");
            for (int i = 0; i < created.size(); i++) {
                demands.add(new Demand(created.get(i).get("id").asText(), ids.get(leader), drafts.get(i)));
            }
        }
        return demands;
    }

    /** Each demand's candidate list, once matching-service has ranked it (a demand nobody fits keeps an empty list). */
    private Map<String, JsonNode> awaitMatches(List<Demand> demands) {
        Map<String, JsonNode> matches = new LinkedHashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (matches.size() < demands.size() && System.nanoTime() < deadline) {
            for (Demand d : demands) {
                if (!matches.containsKey(d.id())) {
                    StackClient.Reply r = client.get(Service.MATCHING, "/api/v1/demands/" + d.id() + "/matches",
                            DevTokens.enterprise(UUID.fromString(d.leaderId())));
                    if (r.status() == 200 && r.body().size() > 0) {
                        matches.put(d.id(), r.body());
                    }
                }
            }
            sleep(500);
        }
        return matches;
    }

    /**
     * Candidates answer: the first-ranked of {@link #PROPOSALS} demands submits a proposal (which matching counts as
     * interest), the publisher shortlists and confirms {@link #COOPERATIONS} of them; the second-ranked of every demand
     * says it is interested or declines. Returns {proposals, other answers, cooperations}.
     */
    private int[] answer(List<Profile> profiles, List<String> ids, List<Demand> demands, Map<String, JsonNode> matches) {
        int proposals = 0;
        int others = 0;
        List<String[]> toConfirm = new ArrayList<>();
        for (Demand d : demands) {
            JsonNode list = matches.get(d.id());
            if (list == null) {
                continue;
            }
            JsonNode first = list.get(0);
            String candidate = first.get("enterpriseId").asText();
            if (proposals < PROPOSALS) {
                Profile proposer = profiles.get(ids.indexOf(candidate));
                ProgrammeGenerator.ProposalDraft p = generator.proposal(proposer, d.draft());
                StackClient.Reply reply = client.post(Service.DEMAND, "/api/v1/demands/" + d.id() + "/proposals",
                        DevTokens.enterprise(UUID.fromString(candidate)), Map.of("title", p.title(), "description", p.description(), "offering", p.offering()));
                if (reply.status() == 201) {
                    proposals++;
                    if (toConfirm.size() < COOPERATIONS) {
                        toConfirm.add(new String[] {first.get("id").asText(), candidate, d.leaderId()});
                    }
                }
            }
            if (list.size() > 1) {
                JsonNode second = list.get(1);
                String move = others % 3 == 2 ? "decline" : "interest";
                StackClient.Reply reply = client.post(Service.MATCHING, "/api/v1/matches/" + second.get("id").asText() + "/" + move,
                        DevTokens.enterprise(UUID.fromString(second.get("enterpriseId").asText())), Map.of());
                others += reply.status() == 200 ? 1 : 0;
            }
        }
        int confirmed = 0;
        for (String[] m : toConfirm) {
            String candidateToken = DevTokens.enterprise(UUID.fromString(m[1]));
            // the proposal reaches matching-service through the broker and makes the match INTERESTED
            client.until(() -> client.get(Service.MATCHING, "/api/v1/matches/" + m[0], candidateToken),
                    r -> r.status() == 200 && "INTERESTED".equals(r.body().get("status").asText()), WAIT);
            String leaderToken = DevTokens.enterprise(UUID.fromString(m[2]));
            boolean ok = true;
            for (String move : List.of("shortlist", "confirm")) {
                ok &= client.post(Service.MATCHING, "/api/v1/matches/" + m[0] + "/" + move, leaderToken, Map.of("note", "经对接会洽谈确认合作")).status() == 200;
            }
            confirmed += ok ? 1 : 0;
        }
        return new int[] {proposals, others, confirmed};
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
