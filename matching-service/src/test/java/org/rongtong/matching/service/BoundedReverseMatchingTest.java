package org.rongtong.matching.service;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandCandidatesChanged;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.OpenDemand;
import org.rongtong.testing.Api;
import org.rongtong.testing.ConsumerLag;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.RegistryEnterprise;
import org.rongtong.testing.TestDatabase;
import org.rongtong.testing.TestJson;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Reverse matching as ADR 0022 has it, against the real broker and database: lists bounded at three here, the
 * displacing rule, a batch giving what ranking from scratch would, deltas coalesced, the exposure counter.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
@TestProfile(BoundedReverseMatchingTest.Bounded.class)
class BoundedReverseMatchingTest {

    public static class Bounded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a window long enough that two enterprises published together fall into one
            return Map.of("rongtong.matching.max-candidates", "3", "rongtong.matching.delta-window", "2s");
        }
    }

    private static final ObjectMapper JSON = TestJson.MAPPER;

    @Inject
    MatchEngine engine;

    private static EnterpriseSnapshot enterprise(String name, EnterpriseKind kind, String region, List<String> capabilities,
            String description, Map<CooperationField, Willingness> willingness) {
        return RegistryEnterprise.of(kind, region).name(name).tier("SPECIALIZED_SME").capabilities(capabilities).description(description)
                .willingness(willingness).snapshot();
    }

    private static UUID announce(EnterpriseSnapshot s) throws Exception {
        return RegistryEnterprise.publish(s);
    }

    private static EnterpriseSnapshot supplier(String name, String region, List<String> capabilities, String description) {
        return enterprise(name, EnterpriseKind.SME, region, capabilities, description,
                Map.of(CooperationField.PRODUCT_SUPPORTING, Willingness.STRONG));
    }

    private static DemandSnapshot demand(UUID publisher, String region, List<String> capabilities, String title) {
        return new DemandSnapshot(UUID.randomUUID(), 1, publisher, CooperationField.PRODUCT_SUPPORTING, "HOME_APPLIANCES", title,
                "寻求" + String.join("和", capabilities) + "配套", capabilities, List.of(region), null, null,
                Instant.now().plusSeconds(30 * 86_400), DemandStatus.PUBLISHED, Instant.now(), Instant.now());
    }

    private static List<Map<String, Object>> list(UUID demand) {
        return Api.asOperator().when().get("/api/v1/demands/" + demand + "/matches")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Set<String> ids(List<Map<String, Object>> matches) {
        Set<String> ids = new HashSet<>();
        matches.forEach(m -> ids.add((String) m.get("enterpriseId")));
        return ids;
    }

    @Test
    void aFullListTakesABetterNewcomerOnlyInPlaceOfTheWorstUnansweredAndTheChangeGoesOutAsOneDelta() throws Exception {
        UUID leader = announce(enterprise("新疆特变电工", EnterpriseKind.CHAIN_LEADER, "650102", List.of(), "", Map.of()));
        List<UUID> weak = new ArrayList<>();
        for (String name : List.of("乌鲁木齐塑业一厂", "乌鲁木齐塑业二厂", "乌鲁木齐塑业三厂")) {
            weak.add(announce(supplier(name, "650103", List.of("注塑"), "")));
        }
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = demand(leader, "6501", List.of("精密注塑", "模具开发"), "变压器外壳精密注塑件配套");
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200).body("$", hasSize(3)));

        // the last of the three answers: it keeps its place whatever comes
        Map<String, Object> last = list(demand.id()).get(2);
        UUID answered = UUID.fromString((String) last.get("enterpriseId"));
        Api.asEnterprise(answered).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + last.get("id") + "/interest").then().statusCode(200);

        try (TopicProbe matches = TopicProbe.of(Topics.MATCHES)) {
            // published together, so that one batch reverse-matches both: the deltas go out on a timer, and two
            // producers one after the other had let a tick fall between the two enterprises
            EnterpriseSnapshot first = supplier("乌鲁木齐精密模具", "650104", List.of("精密注塑", "模具开发"), "变压器外壳精密注塑和模具开发");
            EnterpriseSnapshot second = supplier("昌吉精密注塑", "650105", List.of("精密注塑", "模具开发"), "精密注塑件和注塑模具开发");
            RegistryEnterprise.publishTogether(first, second);
            UUID strong1 = first.id();
            UUID strong2 = second.id();
            ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));

            List<Map<String, Object>> now = list(demand.id());
            assertEquals(Set.of(strong1.toString(), strong2.toString(), answered.toString()), ids(now), "bounded at 3: " + now);
            assertEquals(List.of(1, 2, 3), now.stream().map(m -> m.get("rank")).toList());
            assertEquals(answered.toString(), now.get(2).get("enterpriseId"), "the answered candidate stays, last by score");

            ConsumerRecord<String, String> delta = matches.awaitKey(demand.id().toString(), EventTypes.DEMAND_CANDIDATES_CHANGED,
                    Duration.ofSeconds(15));
            DemandCandidatesChanged changed = JSON.readValue(delta.value(), DemandCandidatesChanged.class);
            assertEquals(Set.of(strong1, strong2), new HashSet<>(changed.candidates().stream().map(c -> c.enterpriseId()).toList()),
                    "both newcomers in one coalesced delta: " + delta.value());
            Set<UUID> displaced = new HashSet<>(changed.displaced().stream().map(DemandCandidatesChanged.Displaced::enterpriseId).toList());
            Set<UUID> unanswered = new HashSet<>(weak);
            unanswered.remove(answered);
            assertEquals(unanswered, displaced);
            // nothing else for the demand: the first ranking's list, one delta, and no full list re-sent
            List<String> lists = matches.drain(Duration.ofSeconds(4)).stream()
                    .filter(r -> demand.id().toString().equals(r.key())).map(r -> TopicProbe.header(r, "ce_type"))
                    .filter(t -> t.equals(EventTypes.DEMAND_MATCHED) || t.equals(EventTypes.DEMAND_CANDIDATES_CHANGED)).toList();
            assertEquals(List.of(EventTypes.DEMAND_MATCHED, EventTypes.DEMAND_CANDIDATES_CHANGED), lists);
        }

        // the counter fair exposure reads equals a recount through a sequence of moves and the demand's end
        List<UUID> involved = new ArrayList<>(weak);
        List<Map<String, Object>> now = list(demand.id());
        involved.addAll(ids(now).stream().map(UUID::fromString).toList());
        assertExposureMatchesRecount(involved);
        Map<String, Object> first = now.get(0);
        UUID firstId = UUID.fromString((String) first.get("enterpriseId"));
        Api.asEnterprise(firstId).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + first.get("id") + "/interest").then().statusCode(200);
        Api.asEnterprise(leader).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/matches/" + first.get("id") + "/shortlist").then().statusCode(200);
        Map<String, Object> second = now.get(1);
        Api.asEnterprise(UUID.fromString((String) second.get("enterpriseId"))).contentType(ContentType.JSON)
                .body("{}").when().post("/api/v1/matches/" + second.get("id") + "/decline").then().statusCode(200);
        assertExposureMatchesRecount(involved);
        assertEquals(1, live(firstId));

        DemandSnapshot closed = new DemandSnapshot(demand.id(), 2, leader, demand.field(), demand.chain(), demand.title(),
                demand.description(), demand.requiredCapabilities(), demand.regionCodes(), null, null, demand.deadline(),
                DemandStatus.CLOSED, demand.publishedAt(), Instant.now());
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_CLOSED, JSON.writeValueAsString(closed));
        ConsumerLag.awaitCaughtUp("matching-service", Topics.DEMANDS, Duration.ofSeconds(30));
        assertExposureMatchesRecount(involved);
        assertEquals(0, live(firstId));
    }

    @Test
    void reverseMatchingABatchGivesTheListRankingFromScratchWouldGive() throws Exception {
        EnterpriseSnapshot leader = enterprise("克拉玛依石化", EnterpriseKind.CHAIN_LEADER, "650203", List.of(), "", Map.of());
        announce(leader);
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));
        DemandSnapshot demand = demand(leader.id(), "6502", List.of("防爆电机", "变频控制"), "油田抽油机防爆电机配套");
        TopicProbe.publish(Topics.DEMANDS, demand.id().toString(), EventTypes.DEMAND_PUBLISHED, JSON.writeValueAsString(demand));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asOperator()
                .when().get("/api/v1/demands/" + demand.id() + "/matches").then().statusCode(200).body("$", hasSize(0)));

        // eight at once, of every strength: one poll, one reverse match
        List<EnterpriseSnapshot> batch = List.of(
                supplier("克拉玛依防爆电机", "650202", List.of("防爆电机", "变频控制"), "油田防爆电机和变频控制柜"),
                supplier("独山子电机", "650202", List.of("防爆电机"), "防爆电机制造"),
                supplier("克拉玛依变频", "650203", List.of("变频控制"), "变频控制系统"),
                supplier("白碱滩电气", "650204", List.of("防爆电机", "电机维修"), "防爆电机"),
                supplier("乌尔禾控制", "650205", List.of("变频控制", "防爆电机", "抽油机"), "抽油机防爆电机与变频控制"),
                supplier("克拉玛依塑料", "650202", List.of("注塑"), "塑料件"),
                supplier("克拉玛依电缆", "650202", List.of("电缆"), "电缆"),
                supplier("克拉玛依机加", "650203", List.of("机械加工"), "机械加工"));
        for (EnterpriseSnapshot s : batch) {
            announce(s);
        }
        ConsumerLag.awaitCaughtUp("matching-service", Topics.ENTERPRISES, Duration.ofSeconds(30));

        OpenDemand d = new OpenDemand();
        MatchMapper.apply(demand, d);
        List<String> fromScratch = engine.rank(d, leader.regionCode()).stream()
                .map(s -> s.candidate().id + String.format(" %.6f", s.score())).toList();
        assertEquals(3, fromScratch.size(), "the data must fill the list: " + fromScratch);
        List<String> listed = list(demand.id()).stream()
                .map(m -> m.get("enterpriseId") + String.format(" %.6f", ((Number) m.get("score")).doubleValue())).toList();
        assertEquals(fromScratch, listed);
    }

    private static int live(UUID enterprise) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT live FROM enterprise_exposure WHERE enterprise_id = ?")) {
            s.setObject(1, enterprise);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static void assertExposureMatchesRecount(List<UUID> enterprises) throws Exception {
        Map<UUID, Integer> recount = new HashMap<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT m.enterprise_id, count(m.id) FROM match m JOIN open_demand d ON d.id = m.demand_id
                WHERE d.status = 'PUBLISHED' AND m.status IN ('PROPOSED', 'INTERESTED', 'SHORTLISTED') AND m.enterprise_id = ANY (?)
                GROUP BY m.enterprise_id""")) {
            s.setArray(1, c.createArrayOf("uuid", enterprises.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recount.put((UUID) r.getObject(1), r.getInt(2));
                }
            }
        }
        for (UUID e : enterprises) {
            assertEquals(recount.getOrDefault(e, 0), live(e), "live candidacies of " + e);
        }
        assertFalse(enterprises.isEmpty());
    }
}
