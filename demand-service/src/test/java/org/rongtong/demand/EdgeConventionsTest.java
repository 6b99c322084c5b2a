package org.rongtong.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.EdgeConventions;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** ADR 0032 through demand-service: region codes, bad query values, the page shape, lost updates. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EdgeConventionsTest {

    @Test
    void aRegionPrefixThatNamesNoDivisionIsA400NamingTheParameter() {
        String operator = DevTokens.operator();
        for (String odd : List.of("370", "37021", "3702120", "37a")) {
            EdgeConventions.assertBadParameter(get(operator, "/api/v1/demands?region=" + odd), "region");
            EdgeConventions.assertBadParameter(get(operator, "/api/v1/sessions?region=" + odd), "region");
        }
        get(operator, "/api/v1/demands?region=3702").then().statusCode(200);
    }

    @Test
    void aBadQueryValueIsA400NotA404() {
        String operator = DevTokens.operator();
        EdgeConventions.assertBadParameter(get(operator, "/api/v1/demands?status=NOPE"), "status");
        EdgeConventions.assertBadParameter(get(operator, "/api/v1/demands?publisher=nope"), "publisher");
        EdgeConventions.assertBadParameter(get(operator, "/api/v1/sessions?dateFrom=2025-13-01"), "dateFrom");
        EdgeConventions.assertBadParameter(get(operator, "/api/v1/demands?size=101"), "size");
        EdgeConventions.assertBadParameter(get(operator, "/api/v1/demands?page=10001"), "page");
    }

    @Test
    void everyListAnswersTheOnePageShape() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String token = DevTokens.enterprise(leader);
        createDemand(token, demand(), false);
        createDemand(token, demand(), false);
        createDemand(token, demand(), false);
        EdgeConventions.assertPage(get(token, "/api/v1/demands?publisher=" + leader + "&page=0&size=2"), 0, 2);
        EdgeConventions.assertPage(get(token, "/api/v1/demands?publisher=" + leader + "&page=1&size=2"), 1, 2);
        assertEquals(3, get(token, "/api/v1/demands?publisher=" + leader + "&page=1&size=2").jsonPath().getLong("total"));
        EdgeConventions.assertPage(get(DevTokens.operator(), "/api/v1/sessions?page=0&size=5"), 0, 5);
    }

    @Test
    void twoUpdatesOnTheSameVersionLeaveOneWinnerAndA412() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String token = DevTokens.enterprise(leader);
        String id = createDemand(token, demand(), false);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> change = demand();
            change.put("title", "洗衣机内桶注塑件配套 " + i);
            racers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return Api.as(token).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change)
                        .when().put("/api/v1/demands/" + id);
            }));
        }
        start.countDown();
        List<Response> answers = racers.stream().map(CompletableFuture::join).toList();
        assertEquals(1, answers.stream().filter(a -> a.statusCode() == 200).count(), "one winner");
        answers.stream().filter(a -> a.statusCode() != 200).forEach(EdgeConventions::assertLostUpdate);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
