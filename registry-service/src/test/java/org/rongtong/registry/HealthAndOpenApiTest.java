package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class HealthAndOpenApiTest {

    /** Health is on the management interface (docs/adr, metrics-on-management-port), not beside the API. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get(ready)
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/api/v1/enterprises"));
    }
}
