package org.rongtong.notification;


import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.EdgeConventions;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** ADR 0032 through notification-service: region prefixes, bad query values, the page shape. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EdgeConventionsTest {

    @Test
    void aRegionPrefixOfThreeOrFiveDigitsIsRefusedLikeEverywhereElse() {
        String token = DevTokens.enterprise(UUID.randomUUID());
        for (String odd : List.of("370", "37021")) {
            EdgeConventions.assertBadParameter(Api.as(token).contentType(ContentType.JSON)
                    .body(Map.of("url", "https://partner.example.org/hook", "filter", Map.of("regionPrefix", odd)))
                    .when().post("/api/v1/subscriptions"), "filter.regionPrefix");
            EdgeConventions.assertBadParameter(Api.asBureau("37")
                    .when().get("/api/v1/stream?regionPrefix=" + odd), "regionPrefix");
        }
    }

    @Test
    void aBadQueryValueIsA400NotA404() {
        String token = DevTokens.enterprise(UUID.randomUUID());
        EdgeConventions.assertBadParameter(Api.as(token).when().get("/api/v1/inbox?demandId=nope"), "demandId");
        EdgeConventions.assertBadParameter(Api.as(token).when().get("/api/v1/inbox?size=101"), "size");
        EdgeConventions.assertBadParameter(Api.as(token).when().get("/api/v1/subscriptions?page=10001"), "page");
    }

    @Test
    void everyListAnswersTheOnePageShape() {
        String token = DevTokens.enterprise(UUID.randomUUID());
        EdgeConventions.assertPage(Api.as(token).when().get("/api/v1/inbox?page=0&size=2"), 0, 2);
        EdgeConventions.assertPage(Api.as(token).when().get("/api/v1/subscriptions?page=0&size=2"), 0, 2);
        EdgeConventions.assertPage(Api.asOperator().when().get("/api/v1/subscriptions?page=0&size=3"), 0, 3);
    }
}
