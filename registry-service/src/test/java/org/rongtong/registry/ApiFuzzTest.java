package org.rongtong.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.ApiFuzzer;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;

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
        String id = Api.asPartner().contentType(ContentType.JSON)
                .body(EnterpriseRegistrationTest.validSme(TestData.creditCode("370211")))
                .when().post("/api/v1/enterprises").then().statusCode(201).extract().path("id");
        String[] state = {"/api/v1/enterprises?size=100", "/api/v1/enterprises/" + id, "/api/v1/enterprises?size=100&active=false"};
        Map<String, String> before = ApiFuzzer.snapshot(base, DevTokens.operator(), state);

        ApiFuzzer.Report report = ApiFuzzer.against(base).seed(14).requests(3000)
                .enterpriseId(java.util.UUID.fromString(id)).knownIds(id).run();

        System.out.println(report.summary());
        assertTrue(report.findings().isEmpty(), report.summary());
        assertTrue(report.requests() >= 2000, "only " + report.requests() + " requests");
        assertEquals(before, ApiFuzzer.snapshot(base, DevTokens.operator(), state), "a refused request changed what the API shows");
    }

    @Test
    void badQueryAndPathValuesAre400sNamingTheParameter() {
        Api.asOperator().when().get("/api/v1/enterprises?kind=NOPE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind")).body(not(containsString("org.rongtong")));
        Api.asOperator().when().get("/api/v1/enterprises/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("must be a UUID"));
        Api.asOperator().when().get("/api/v1/enterprises?size=lots")
                .then().statusCode(400).body("errors[0].field", equalTo("size")).body("errors[0].message", equalTo("must be an integer"));
    }

    @Test
    void textPostgresCannotStoreIsRefusedWhereItEnters() {
        Api.asOperator().urlEncodingEnabled(false).when().get("/api/v1/enterprises?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        String body = "{\"name\":\"a\\u0000b\",\"creditCode\":\"" + TestData.creditCode("370211")
                + "\",\"kind\":\"SME\",\"regionCode\":\"370211\",\"description\":\"\\ud800\"}";
        Api.asPartner().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("NUL"));
    }

    @Test
    void aWronglyTypedBodyFieldIsNamedWithoutJavaTypes() {
        Map<String, Object> body = new java.util.HashMap<>(EnterpriseRegistrationTest.validSme(TestData.creditCode("370211")));
        body.put("employees", "many");
        Api.asPartner().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("employees")).body("errors[0].message", equalTo("must be an integer"))
                .body(not(containsString("java.")));
        body.put("employees", 5);
        body.put("kind", "GIANT");
        Api.asPartner().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("one of [")).body(not(containsString("org.rongtong")));
    }
}
