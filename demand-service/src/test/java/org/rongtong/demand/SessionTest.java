package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.eventTypesUpTo;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Matchmaking sessions (对接活动): scheduled by a bureau within its region or an operator; SCHEDULED → HELD | CANCELLED. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class SessionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static TopicProbe sessions;
    private static UUID leader;
    private static String demandId;

    @BeforeAll
    static void setUp() {
        sessions = TopicProbe.of(Topics.SESSIONS);
        leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
    }

    /** Once, before the first test (RestAssured knows the test port only from then on). */
    @BeforeEach
    void leadersDemand() {
        if (demandId == null) {
            demandId = createDemand(DevTokens.enterprise(leader), demand(), false);
        }
    }

    @AfterAll
    static void tearDown() {
        sessions.close();
    }

    static Map<String, Object> session(String region, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "青岛智能家电产业链专场对接会");
        body.put("date", date.toString());
        body.put("regionCode", region);
        body.put("venue", "青岛国际会展中心");
        body.put("chains", List.of("HOME_APPLIANCES"));
        body.put("participantIds", List.of(leader.toString()));
        body.put("demandIds", List.of(demandId));
        return body;
    }

    @Test
    void aBureauSchedulesWithinItsRegionAndHoldsTheSessionOnItsDay() {
        String id = post(DevTokens.bureau("3702"), "/api/v1/sessions", session("370212", TODAY)).then().statusCode(201)
                .header("ETag", "\"1\"").body("status", equalTo("SCHEDULED")).body("organiser", equalTo("bureau:3702"))
                .body("demandIds", equalTo(List.of(demandId))).extract().path("id");

        get(DevTokens.enterprise(leader), "/api/v1/sessions/" + id).then().statusCode(200).body("name", equalTo("青岛智能家电产业链专场对接会"));
        post(DevTokens.bureau("3702"), "/api/v1/sessions/" + id + "/hold").then().statusCode(200)
                .body("status", equalTo("HELD")).body("version", equalTo(2));
        assertProblem(post(DevTokens.bureau("3702"), "/api/v1/sessions/" + id + "/cancel"), 409);
        assertProblem(post(DevTokens.bureau("3702"), "/api/v1/sessions/" + id + "/hold"), 409);

        assertEquals(List.of(EventTypes.SESSION_SCHEDULED, EventTypes.SESSION_HELD), eventTypesUpTo(sessions, id, EventTypes.SESSION_HELD));
        String held = sessions.awaitKey(id, EventTypes.SESSION_HELD, Duration.ofSeconds(5)).value();
        assertTrue(held.contains("\"regionCode\":\"370212\"") && held.contains("\"date\":\"" + TODAY + "\"")
                && held.contains("\"chains\":[\"HOME_APPLIANCES\"]"), held);
    }

    @Test
    void aFutureSessionIsNotHeldYetButCanBeCancelledOnceOnly() {
        String id = post(DevTokens.operator(), "/api/v1/sessions", session("37", TODAY.plusDays(30))).then().statusCode(201)
                .body("organiser", equalTo("operator")).extract().path("id");

        post(DevTokens.operator(), "/api/v1/sessions/" + id + "/hold").then().statusCode(409).body("title", equalTo("Session not yet due"));
        // a bureau of another province may not touch it
        assertProblem(post(DevTokens.bureau("35"), "/api/v1/sessions/" + id + "/cancel"), 403);
        // a Qingdao bureau does not organise a province-wide session either
        assertProblem(post(DevTokens.bureau("3702"), "/api/v1/sessions/" + id + "/cancel"), 403);
        post(DevTokens.bureau("37"), "/api/v1/sessions/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertProblem(post(DevTokens.bureau("37"), "/api/v1/sessions/" + id + "/cancel"), 409);
        assertProblem(post(DevTokens.bureau("37"), "/api/v1/sessions/" + id + "/hold"), 409);

        assertEquals(List.of(EventTypes.SESSION_SCHEDULED, EventTypes.SESSION_CANCELLED),
                eventTypesUpTo(sessions, id, EventTypes.SESSION_CANCELLED));
    }

    @Test
    void onlyABureauWithinItsRegionOrAnOperatorSchedules() {
        assertProblem(post(DevTokens.bureau("35"), "/api/v1/sessions", session("370212", TODAY)), 403);
        assertProblem(post(DevTokens.bureau("3701"), "/api/v1/sessions", session("3702", TODAY)), 403);
        assertProblem(post(DevTokens.enterprise(leader), "/api/v1/sessions", session("370212", TODAY)), 403);
        assertProblem(post(DevTokens.partner(), "/api/v1/sessions", session("370212", TODAY)), 403);
        post(DevTokens.bureau("37"), "/api/v1/sessions", session("37", TODAY.minusDays(1))).then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
    }

    @Test
    void anOperatorRecordsASessionHeldBeforeTheProgrammeCameOnThePlatformButABureauDoesNot() {
        LocalDate qingdao = LocalDate.of(2022, 6, 27);
        assertProblem(post(DevTokens.bureau("3702"), "/api/v1/sessions", session("3702", qingdao)), 400);
        String id = post(DevTokens.operator(), "/api/v1/sessions", session("3702", qingdao)).then().statusCode(201)
                .body("date", equalTo("2022-06-27")).body("status", equalTo("SCHEDULED")).extract().path("id");
        post(DevTokens.operator(), "/api/v1/sessions/" + id + "/hold").then().statusCode(200).body("status", equalTo("HELD"));
    }

    @Test
    void participantsMustBeActiveChainLeadersBringingTheirOwnPublishedDemands() {
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        UUID otherLeader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370213");
        String closed = createDemand(DevTokens.enterprise(leader), demand(), false);
        post(DevTokens.enterprise(leader), "/api/v1/demands/" + closed + "/close").then().statusCode(200);
        String ofOther = createDemand(DevTokens.enterprise(otherLeader), demand(), false);

        Map<String, Object> body = session("370212", TODAY.plusDays(7));
        body.put("participantIds", List.of(leader.toString(), sme.toString(), UUID.randomUUID().toString()));
        body.put("demandIds", List.of(demandId, closed, ofOther));
        long before = Fixtures.count("SELECT count(*) FROM matchmaking_session");

        post(DevTokens.bureau("3702"), "/api/v1/sessions", body).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("participantIds[1]", "participantIds[2]", "demandIds[1]", "demandIds[2]")));
        assertEquals(before, Fixtures.count("SELECT count(*) FROM matchmaking_session"));
    }

    @Test
    void sessionsAreListedByRegionChainStatusAndDate() {
        String qingdao = post(DevTokens.bureau("3702"), "/api/v1/sessions", session("3702", TODAY.plusDays(3))).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> fujian = session("35", TODAY.plusDays(4));
        fujian.put("chains", List.of("NEW_ENERGY_VEHICLES"));
        fujian.put("participantIds", List.of());
        fujian.put("demandIds", List.of());
        String fuzhou = post(DevTokens.bureau("35"), "/api/v1/sessions", fujian).then().statusCode(201).extract().path("id");

        List<String> inQingdao = get(DevTokens.bureau("370212"), "/api/v1/sessions?region=370212&size=100").then().statusCode(200)
                .extract().path("items.id");
        org.hamcrest.MatcherAssert.assertThat(inQingdao, hasItem(qingdao));
        org.hamcrest.MatcherAssert.assertThat(inQingdao, not(hasItem(fuzhou)));
        get(DevTokens.operator(), "/api/v1/sessions?chain=NEW_ENERGY_VEHICLES&size=100").then().body("items.id", hasItem(fuzhou))
                .body("items.id", not(hasItem(qingdao)));
        get(DevTokens.operator(), "/api/v1/sessions?participant=" + leader + "&dateFrom=" + TODAY.plusDays(3) + "&dateTo=" + TODAY.plusDays(3))
                .then().body("items.id", equalTo(List.of(qingdao)));
        get(DevTokens.operator(), "/api/v1/sessions?status=CANCELLED&size=100").then().body("items.id", not(hasItem(qingdao)));
        get(DevTokens.operator(), "/api/v1/sessions?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
