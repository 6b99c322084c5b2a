package org.rongtong.notification;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
        UUID enterprise = UUID.randomUUID();
        String token = DevTokens.enterprise(enterprise);
        String subscription = Api.as(token).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"description\":\"fuzz baseline\"}")
                .when().post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        // newest first: a subscription the fuzzer created would head the list and change its total
        String[] operatorState = {"/api/v1/subscriptions?size=1", "/api/v1/inbox?size=1"};
        String[] ownState = {"/api/v1/subscriptions?size=100", "/api/v1/subscriptions/" + subscription,
                "/api/v1/subscriptions/" + subscription + "/deliveries", "/api/v1/inbox?size=100"};
        Map<String, String> before = ApiFuzzer.snapshot(base, DevTokens.operator(), operatorState);
        Map<String, String> ownBefore = ApiFuzzer.snapshot(base, token, ownState);

        ApiFuzzer.Report report = ApiFuzzer.against(base).seed(14).requests(3000).enterpriseId(enterprise)
                .knownIds(subscription, enterprise).run();

        System.out.println(report.summary());
        assertTrue(report.findings().isEmpty(), report.summary());
        assertTrue(report.requests() >= 2000, "only " + report.requests() + " requests");
        assertEquals(before, ApiFuzzer.snapshot(base, DevTokens.operator(), operatorState), "a refused request changed what the API shows");
        assertEquals(ownBefore, ApiFuzzer.snapshot(base, token, ownState), "a refused request changed what the API shows");
    }

    @Test
    void aNullInAFilterListIsA400NotA500() {
        Api.asOperator().contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"filter\":{\"fields\":[null]}}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("filter.fields[0]"));
        Api.asOperator().contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/hook\",\"filter\":{\"fields\":[\"NOPE\"]}}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("filter.fields[0]"))
                .body(not(containsString("org.rongtong"))).body(not(containsString("CooperationField")));
    }

    @Test
    void badQueryValuesAndUnboundedPagesAre400s() {
        Api.asOperator().when().get("/api/v1/inbox?demandId=not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("demandId"));
        Api.asOperator().when().get("/api/v1/inbox?page=10001")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        Api.asOperator().when().get("/api/v1/subscriptions?page=2000000000")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        Api.asOperator().when().get("/api/v1/stream?field=NOPE")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("field"));
    }
}
