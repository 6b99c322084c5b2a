package org.rongtong.demand;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.Api;
import org.rongtong.testing.ApiFuzzer;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Thousands of malformed requests from the OpenAPI document, with every role: none fails the server or changes a thing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ApiFuzzTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void malformedRequestsAreRefusedWithProblemsAndChangeNothing() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String token = DevTokens.enterprise(leader);
        String published = Fixtures.createDemand(token, Fixtures.demand(), false);
        String draft = Fixtures.createDemand(token, Fixtures.demand(), true);
        String[] state = {"/api/v1/demands?size=100", "/api/v1/demands/" + published, "/api/v1/demands/" + draft,
                "/api/v1/demands/" + published + "/proposals?size=100", "/api/v1/sessions?size=100"};
        Map<String, String> before = ApiFuzzer.snapshot(base, DevTokens.operator(), state);

        ApiFuzzer.Report report = ApiFuzzer.against(base).seed(14).requests(4000).enterpriseId(leader)
                .knownIds(published, draft, leader).run();

        System.out.println(report.summary());
        assertTrue(report.findings().isEmpty(), report.summary());
        assertTrue(report.requests() >= 3000, "only " + report.requests() + " requests");
        assertEquals(before, ApiFuzzer.snapshot(base, DevTokens.operator(), state), "a refused request changed what the API shows");
    }

    @Test
    void badQueryValuesAndPagesBeyondTheBoundAre400s() {
        Api.asOperator().when().get("/api/v1/demands?status=NOPE")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        Api.asOperator().when().get("/api/v1/demands?page=10001")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        Api.asOperator().when().get("/api/v1/sessions?page=2147483648")
                .then().statusCode(400).body("errors[0].field", equalTo("page")).body("errors[0].message", equalTo("must be an integer"));
        Api.asOperator().when().get("/api/v1/demands/" + UUID.randomUUID() + "/proposals/nope")
                .then().statusCode(400).body("errors[0].field", equalTo("proposalId")).body(not(containsString("java.")));
    }

    @Test
    void aBatchWithANullDemandIsRefusedNamingIt() {
        Api.asOperator().contentType(ContentType.JSON)
                .body("{\"publisherId\":\"" + UUID.randomUUID() + "\",\"demands\":[null]}")
                .when().post("/api/v1/demands/batch")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("demands[0]"));
    }
}
