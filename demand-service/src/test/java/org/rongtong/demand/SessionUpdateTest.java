package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
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
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A scheduled session is rescheduled or edited with PUT and If-Match until it is held (ADR 0015). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class SessionUpdateTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String QINGDAO = DevTokens.bureau("3702");
    private static TopicProbe sessions;
    private static UUID leader;

    @BeforeAll
    static void setUp() {
        sessions = TopicProbe.of(Topics.SESSIONS);
        leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
    }

    @AfterAll
    static void tearDown() {
        sessions.close();
    }

    private static Map<String, Object> session(LocalDate date, List<String> demandIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "青岛智能家电产业链专场对接会");
        body.put("date", date.toString());
        body.put("regionCode", "370212");
        body.put("venue", "青岛国际会展中心");
        body.put("chains", List.of("HOME_APPLIANCES"));
        body.put("participantIds", List.of(leader.toString()));
        body.put("demandIds", demandIds);
        return body;
    }

    private static String schedule(Map<String, Object> body) {
        return post(QINGDAO, "/api/v1/sessions", body).then().statusCode(201).extract().path("id");
    }

    private static Response put(String token, String id, String ifMatch, Object body) {
        var request = Api.as(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put("/api/v1/sessions/" + id);
    }

    @Test
    void theOrganiserReschedulesASessionWithIfMatchAndTheChangeIsAnEvent() {
        String demandId = createDemand(DevTokens.enterprise(leader), demand(), false);
        String id = schedule(session(TODAY.plusDays(10), List.of(demandId)));
        Map<String, Object> moved = session(TODAY.plusDays(12), List.of(demandId));
        moved.put("venue", "青岛市民中心");

        put(QINGDAO, id, "\"1\"", moved).then().statusCode(200).header("ETag", "\"2\"")
                .body("date", equalTo(TODAY.plusDays(12).toString())).body("venue", equalTo("青岛市民中心"))
                .body("status", equalTo("SCHEDULED")).body("version", equalTo(2));

        String event = sessions.awaitKey(id, EventTypes.SESSION_UPDATED, Duration.ofSeconds(30)).value();
        assertTrue(event.contains("\"date\":\"" + TODAY.plusDays(12) + "\"") && event.contains("\"version\":2"), event);
        // the same content again changes nothing: no new version, no event
        put(QINGDAO, id, "\"2\"", moved).then().statusCode(200).body("version", equalTo(2));
        long updates = sessions.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> id.equals(r.key()) && EventTypes.SESSION_UPDATED.equals(TopicProbe.header(r, "ce_type"))).count();
        assertEquals(1, updates);
    }

    @Test
    void anEditNeedsTheCurrentVersionAndOnlyAScheduledSessionIsEdited() {
        String id = schedule(session(TODAY, List.of()));
        Map<String, Object> body = session(TODAY.plusDays(3), List.of());

        assertProblem(put(QINGDAO, id, null, body), 428);
        put(QINGDAO, id, "\"1\"", body).then().statusCode(200);
        assertProblem(put(QINGDAO, id, "\"1\"", session(TODAY.plusDays(4), List.of())), 412);
        get(QINGDAO, "/api/v1/sessions/" + id).then().body("date", equalTo(TODAY.plusDays(3).toString()));

        String held = schedule(session(TODAY, List.of()));
        post(QINGDAO, "/api/v1/sessions/" + held + "/hold").then().statusCode(200);
        assertProblem(put(QINGDAO, held, "\"2\"", body), 409);
        String cancelled = schedule(session(TODAY, List.of()));
        post(QINGDAO, "/api/v1/sessions/" + cancelled + "/cancel").then().statusCode(200);
        assertProblem(put(QINGDAO, cancelled, "\"2\"", body), 409);
        get(QINGDAO, "/api/v1/sessions/" + held).then().body("status", equalTo("HELD")).body("date", equalTo(TODAY.toString()));
    }

    @Test
    void onlyTheOrganisingBureauOrAnOperatorEditsAndNotIntoAnotherRegion() {
        String id = schedule(session(TODAY.plusDays(5), List.of()));
        Map<String, Object> body = session(TODAY.plusDays(6), List.of());

        assertProblem(put(DevTokens.bureau("3706"), id, "\"1\"", body), 403);
        assertProblem(put(DevTokens.bureau("44"), id, "\"1\"", body), 403);
        assertProblem(put(DevTokens.enterprise(leader), id, "\"1\"", body), 403);
        assertProblem(put(DevTokens.partner(), id, "\"1\"", body), 403);
        Map<String, Object> elsewhere = session(TODAY.plusDays(6), List.of());
        elsewhere.put("regionCode", "3706");
        assertProblem(put(QINGDAO, id, "\"1\"", elsewhere), 403);
        assertProblem(put(QINGDAO, UUID.randomUUID().toString(), "\"1\"", body), 404);
        get(QINGDAO, "/api/v1/sessions/" + id).then().body("version", equalTo(1));

        // the province's bureau covers Qingdao; an operator covers anywhere
        put(DevTokens.bureau("37"), id, "\"1\"", body).then().statusCode(200).body("version", equalTo(2));
        put(DevTokens.operator(), id, "\"2\"", elsewhere).then().statusCode(200).body("regionCode", equalTo("3706"));
    }

    @Test
    void aNewcomerIsCheckedAsWhenSchedulingWhileWhatWasAlreadyInTheSessionStays() {
        String kept = createDemand(DevTokens.enterprise(leader), demand(), false);
        String id = schedule(session(TODAY.plusDays(7), List.of(kept)));
        // the demand brought to the session closes since: editing the session's venue still works
        post(DevTokens.enterprise(leader), "/api/v1/demands/" + kept + "/close").then().statusCode(200);
        Map<String, Object> body = session(TODAY.plusDays(7), List.of(kept));
        body.put("venue", "青岛国际会议中心");
        put(QINGDAO, id, "\"1\"", body).then().statusCode(200).body("venue", equalTo("青岛国际会议中心"));

        // a newly added closed demand and a non-leader are refused, each named
        String closed = createDemand(DevTokens.enterprise(leader), demand(), false);
        post(DevTokens.enterprise(leader), "/api/v1/demands/" + closed + "/close").then().statusCode(200);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        Map<String, Object> bad = session(TODAY.plusDays(7), List.of(kept, closed));
        bad.put("participantIds", List.of(leader.toString(), sme.toString()));
        Response refused = put(QINGDAO, id, "\"2\"", bad);
        assertProblem(refused, 422);
        assertTrue(refused.asString().contains("demandIds[1]") && refused.asString().contains("participantIds[1]"), refused.asString());
        Map<String, Object> past = session(TODAY.minusDays(1), List.of(kept));
        assertProblem(put(QINGDAO, id, "\"2\"", past), 400);
        get(QINGDAO, "/api/v1/sessions/" + id).then().body("version", equalTo(2));
    }
}
