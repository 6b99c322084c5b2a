package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EnterpriseRegistrationTest {

    private static TopicProbe enterprises;

    @BeforeAll
    static void probe() {
        enterprises = TopicProbe.of(Topics.ENTERPRISES);
    }

    @AfterAll
    static void closeProbe() {
        enterprises.close();
    }

    static Map<String, Object> validSme(String creditCode) {
        return Map.of(
                "name", "青岛精工模具有限公司",
                "creditCode", creditCode,
                "kind", "SME",
                "tier", "SPECIALIZED_SME",
                "regionCode", "370211",
                "chains", java.util.List.of("HOME_APPLIANCES"),
                "capabilities", java.util.List.of(" 精密注塑 ", "ＡＢＳ 改性", "精密注塑"),
                "description", "家电结构件精密注塑与模具开发",
                "willingness", Map.of("PRODUCT_SUPPORTING", "STRONG", "TECH_RND", "OPEN"));
    }

    @Test
    void registeringAnEnterpriseStoresItAndPublishesItsFullSnapshot() {
        String code = TestData.creditCode("370211");
        String id = Api.asPartner().contentType(ContentType.JSON).body(validSme(code))
                .when().post("/api/v1/enterprises")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/enterprises/"))
                .header("ETag", notNullValue())
                .body("version", equalTo(1))
                .body("active", equalTo(true))
                .body("capabilities", equalTo(java.util.List.of("精密注塑", "ABS 改性")))
                .extract().path("id");

        Api.asBureau("37").when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("creditCode", equalTo(code)).body("willingness.PRODUCT_SUPPORTING", equalTo("STRONG"));

        ConsumerRecord<String, String> event = enterprises.awaitKey(id, EventTypes.ENTERPRISE_REGISTERED, Duration.ofSeconds(30));
        assertEquals("/rongtong/registry-service", TopicProbe.header(event, "ce_source"));
        assertEquals(id, TopicProbe.header(event, "ce_subject"));
        String data = event.value();
        for (String expected : new String[] {"\"id\":\"" + id + "\"", "\"version\":1", "\"creditCode\":\"" + code + "\"",
                "\"kind\":\"SME\"", "\"regionCode\":\"370211\"", "\"active\":true", "\"PRODUCT_SUPPORTING\":\"STRONG\""}) {
            assertFalse(!data.contains(expected), "event data lacks " + expected + ": " + data);
        }
        assertFalse(data.contains("contact"), "contact details must never travel in events");
    }

    @Test
    void anEnterpriseThatDeclaresNoWillingnessRegisters() {
        Map<String, Object> leader = new java.util.HashMap<>(validSme(TestData.creditCode("370212")));
        leader.put("kind", "CHAIN_LEADER");
        leader.put("willingness", Map.of());
        leader.remove("tier");
        Api.asOperator().contentType(ContentType.JSON).body(leader)
                .when().post("/api/v1/enterprises")
                .then().statusCode(201).body("willingness", equalTo(Map.of()));
    }

    @Test
    void anInvalidTagIsNamedByItsPosition() {
        Map<String, Object> body = new java.util.HashMap<>(validSme(TestData.creditCode("370211")));
        body.put("capabilities", java.util.List.of("注塑", "x".repeat(51)));
        Api.asOperator().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo("capabilities[1]"));
    }

    @Test
    void anInvalidRequestAnswersProblemJsonWithOneEntryPerField() {
        Api.asOperator().contentType(ContentType.JSON)
                .body(Map.of("name", "", "creditCode", "91350100M000100Y44", "regionCode", "37021"))
                .when().post("/api/v1/enterprises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(4))
                .body("errors.field", hasItem("creditCode"))
                .body("errors.find { it.field == 'creditCode' }.message", containsString("check character"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("regionCode"));
    }

    @Test
    void anUnknownEnumValueNamesTheField() {
        Map<String, Object> body = new java.util.HashMap<>(validSme(TestData.creditCode("370211")));
        body.put("kind", "GIANT");
        Api.asOperator().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enterprises")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("kind"));
    }

    @Test
    void aSecondActiveEnterpriseWithTheSameCodeIsAConflict() {
        String code = TestData.creditCode("370211");
        Api.asOperator().contentType(ContentType.JSON).body(validSme(code))
                .when().post("/api/v1/enterprises").then().statusCode(201);
        Api.asOperator().contentType(ContentType.JSON).body(validSme(code))
                .when().post("/api/v1/enterprises")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(code));
    }

    @Test
    void callsWithoutTokenOrWithTheWrongRoleAreRefused() {
        given().contentType(ContentType.JSON).body(validSme(TestData.creditCode("370211")))
                .when().post("/api/v1/enterprises").then().statusCode(401).contentType("application/problem+json");
        Api.asBureau("37").contentType(ContentType.JSON).body(validSme(TestData.creditCode("370211")))
                .when().post("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownEnterpriseIsNotFound() {
        Api.asOperator().when().get("/api/v1/enterprises/0190f0c8-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Enterprise not found"));
    }
}
