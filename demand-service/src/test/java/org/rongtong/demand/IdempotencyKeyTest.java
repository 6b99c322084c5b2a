package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Idempotency-Key on demand publication, proposal submission and session scheduling (ADR 0015): keys are scoped per
 * caller (the token's roles and subject); the same caller, key and body replay the first answer; another caller's same
 * key is independent; the same key with another body is 422.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class IdempotencyKeyTest {

    private static Response post(String token, String path, String key, Object body) {
        var request = Api.as(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post(path);
    }

    private static String id(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        return r.path("id");
    }

    @Test
    void aRepeatedDemandPublicationReplaysTheFirstDemandAndAnotherCallersSameKeyIsItsOwn() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String token = DevTokens.enterprise(leader);
        String key = "demand-" + UUID.randomUUID();
        Map<String, Object> body = demand();

        Response first = post(token, "/api/v1/demands", key, body);
        String id = id(first, 201);
        assertNull(first.header("Idempotent-Replayed"));
        Response again = post(token, "/api/v1/demands", key, body);
        assertEquals(id, id(again, 201));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals("/api/v1/demands/" + id, java.net.URI.create(again.header("Location")).getPath());
        assertEquals(1, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));

        // a partner publishing for the same leader with the same key is another caller: a new demand
        Map<String, Object> forLeader = new HashMap<>(body);
        forLeader.put("publisherId", leader.toString());
        String partners = id(post(DevTokens.partner(leader), "/api/v1/demands", key, forLeader), 201);
        assertNotEquals(id, partners);
        assertEquals(2, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));

        // the same key with another body, or as a draft instead, is refused and writes nothing
        Map<String, Object> other = new HashMap<>(body);
        other.put("title", "另一项需求");
        assertProblem(post(token, "/api/v1/demands", key, other), 422);
        assertProblem(post(token, "/api/v1/demands?draft=true", key, body), 422);
        assertEquals(2, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", leader));
        // without a key every request creates; an oversized key is a 400
        id(post(token, "/api/v1/demands", null, body), 201);
        assertProblem(post(token, "/api/v1/demands", "k".repeat(201), body), 400);
        // another enterprise cannot use the key to read the first demand: its own publication is refused as before
        UUID stranger = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        Map<String, Object> forOther = new HashMap<>(body);
        forOther.put("publisherId", leader.toString());
        assertProblem(post(DevTokens.enterprise(stranger), "/api/v1/demands", key, forOther), 403);
    }

    @Test
    void aRepeatedProposalReplaysTheFirstProposalInsteadOfTheOneOpenProposalConflict() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String demandId = createDemand(DevTokens.enterprise(leader), demand(), false);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        String token = DevTokens.enterprise(sme);
        String path = "/api/v1/demands/" + demandId + "/proposals";
        String key = "proposal-" + UUID.randomUUID();

        String id = id(post(token, path, key, ProposalTest.proposal()), 201);
        Response again = post(token, path, key, ProposalTest.proposal());
        assertEquals(id, id(again, 201));
        assertEquals("true", again.header("Idempotent-Replayed"));
        // without the key the second submission is the usual 409 (one open proposal per enterprise and demand)
        assertProblem(post(token, path, null, ProposalTest.proposal()), 409);
        Map<String, Object> other = ProposalTest.proposal();
        other.put("title", "另一方案");
        assertProblem(post(token, path, key, other), 422);
        // another SME's same key is its own
        UUID rival = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        assertNotEquals(id, id(post(DevTokens.enterprise(rival), path, key, ProposalTest.proposal()), 201));
        // the same key against another demand is another request
        String otherDemand = createDemand(DevTokens.enterprise(leader), demand(), false);
        assertProblem(post(token, "/api/v1/demands/" + otherDemand + "/proposals", key, ProposalTest.proposal()), 422);
        assertEquals(1, Fixtures.count("SELECT count(*) FROM proposal WHERE proposer_id = ?", sme));
    }

    @Test
    void aRepeatedSessionSchedulingReplaysTheFirstSessionPerBureau() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "青岛家电产业链专场对接会 " + UUID.randomUUID());
        body.put("date", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9).toString());
        body.put("regionCode", "370212");
        body.put("chains", List.of("HOME_APPLIANCES"));
        body.put("participantIds", List.of(leader.toString()));
        body.put("demandIds", List.of());
        String key = "session-" + UUID.randomUUID();

        String id = id(post(DevTokens.bureau("3702"), "/api/v1/sessions", key, body), 201);
        Response again = post(DevTokens.bureau("3702"), "/api/v1/sessions", key, body);
        assertEquals(id, id(again, 201));
        assertEquals("true", again.header("Idempotent-Replayed"));
        again.then().body("version", equalTo(1));
        // the province's bureau and an operator are other callers
        assertNotEquals(id, id(post(DevTokens.bureau("37"), "/api/v1/sessions", key, body), 201));
        assertNotEquals(id, id(post(DevTokens.operator(), "/api/v1/sessions", key, body), 201));
        Map<String, Object> other = new HashMap<>(body);
        other.put("venue", "青岛市民中心");
        assertProblem(post(DevTokens.bureau("3702"), "/api/v1/sessions", key, other), 422);
        // who may not schedule learns nothing from a key: 403 before any replay
        assertProblem(post(DevTokens.bureau("3706"), "/api/v1/sessions", key, body), 403);
        assertProblem(post(DevTokens.enterprise(leader), "/api/v1/sessions", key, body), 403);
        assertEquals(3, Fixtures.count("SELECT count(*) FROM matchmaking_session WHERE name = ?", body.get("name")));
    }
}
