package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Filters on the demand list (publisher, field, chain, status, region prefix, deadline range) and bounded pages. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandListTest {

    private static UUID qingdao;
    private static UUID fuzhou;
    private static String soon;
    private static String later;
    private static String fujianOnly;
    private static String draft;
    private static String closed;

    /** Once, before the first test (RestAssured knows the test port only from then on). */
    @BeforeEach
    void demands() {
        if (qingdao != null) {
            return;
        }
        qingdao = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        fuzhou = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "350102");
        String q = DevTokens.enterprise(qingdao);

        Map<String, Object> a = demand();
        a.put("deadline", Instant.now().plus(10, ChronoUnit.DAYS).toString());
        a.put("regionCodes", List.of());
        soon = createDemand(q, a, false);

        Map<String, Object> b = demand();
        b.put("field", "TECH_RND");
        b.put("chain", "NEW_ENERGY_VEHICLES");
        b.put("deadline", Instant.now().plus(90, ChronoUnit.DAYS).toString());
        later = createDemand(q, b, false);

        Map<String, Object> c = demand();
        c.put("regionCodes", List.of("3501"));
        fujianOnly = createDemand(DevTokens.enterprise(fuzhou), c, false);

        draft = createDemand(q, demand(), true);
        closed = createDemand(q, demand(), false);
        Fixtures.post(q, "/api/v1/demands/" + closed + "/close").then().statusCode(200);
    }

    private static List<String> ids(String token, String query) {
        return get(token, "/api/v1/demands?size=100&" + query).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void filtersByPublisherFieldChainAndStatus() {
        String operator = DevTokens.operator();
        get(operator, "/api/v1/demands?publisher=" + qingdao).then().body("total", equalTo(4));
        get(operator, "/api/v1/demands?publisher=" + qingdao + "&field=TECH_RND").then().body("items.id", equalTo(List.of(later)));
        get(operator, "/api/v1/demands?publisher=" + qingdao + "&chain=NEW_ENERGY_VEHICLES").then().body("items.id", equalTo(List.of(later)));
        get(operator, "/api/v1/demands?publisher=" + qingdao + "&status=CLOSED").then().body("items.id", equalTo(List.of(closed)));
    }

    @Test
    void aRegionPrefixMatchesOverlappingConstraintsAndPublishersWithinIt() {
        String operator = DevTokens.operator();
        // Fujian: the Fuzhou-constrained demand of a Fuzhou publisher, nothing of the Qingdao publisher (constrained to 37)
        List<String> fujian = ids(operator, "region=35&publisher=" + fuzhou);
        org.hamcrest.MatcherAssert.assertThat(fujian, equalTo(List.of(fujianOnly)));
        org.hamcrest.MatcherAssert.assertThat(ids(operator, "region=35&publisher=" + qingdao), equalTo(List.of()));
        // a county of Qingdao: the province-wide constraint "37" covers it, and so does the publisher's own county
        org.hamcrest.MatcherAssert.assertThat(ids(operator, "region=370212&publisher=" + qingdao), hasItem(soon));
        org.hamcrest.MatcherAssert.assertThat(ids(operator, "region=370212&publisher=" + qingdao), hasItem(later));
    }

    @Test
    void aBureauListsTheDemandsConcerningItsRegionOnly() {
        List<String> fujianBureau = ids(DevTokens.bureau("35"), "publisher=" + fuzhou);
        org.hamcrest.MatcherAssert.assertThat(fujianBureau, equalTo(List.of(fujianOnly)));
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.bureau("35"), "publisher=" + qingdao), equalTo(List.of()));
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.bureau("3702"), "publisher=" + qingdao), hasItem(soon));
        // its own filter narrows further, it never widens the bureau's region
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.bureau("35"), "region=37&publisher=" + qingdao), equalTo(List.of()));
    }

    @Test
    void aDeadlineRangeBoundsTheList() {
        String from = Instant.now().plus(60, ChronoUnit.DAYS).toString();
        get(DevTokens.operator(), "/api/v1/demands?publisher=" + qingdao + "&deadlineFrom=" + from).then()
                .body("items.id", equalTo(List.of(later)));
        String to = Instant.now().plus(20, ChronoUnit.DAYS).toString();
        get(DevTokens.operator(), "/api/v1/demands?publisher=" + qingdao + "&deadlineTo=" + to).then()
                .body("items.id", equalTo(List.of(soon)));
        get(DevTokens.operator(), "/api/v1/demands?deadlineFrom=" + from + "&deadlineTo=" + to).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("deadlineTo"));
    }

    @Test
    void draftsAppearOnlyToWhoeverActsForTheirPublisher() {
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.enterprise(qingdao), "publisher=" + qingdao), hasItem(draft));
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.enterprise(fuzhou), "publisher=" + qingdao), not(hasItem(draft)));
        org.hamcrest.MatcherAssert.assertThat(ids(DevTokens.bureau("37"), "publisher=" + qingdao), not(hasItem(draft)));
        get(DevTokens.bureau("37"), "/api/v1/demands?status=DRAFT&size=100").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void pagesAreBoundedAndBadFiltersAreNamed() {
        get(DevTokens.operator(), "/api/v1/demands?publisher=" + qingdao + "&size=2&page=1").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(4));
        get(DevTokens.operator(), "/api/v1/demands?size=101").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        get(DevTokens.operator(), "/api/v1/demands?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        get(DevTokens.operator(), "/api/v1/demands?field=PAINTING").then().statusCode(400).body("errors[0].field", equalTo("field"));
        get(DevTokens.operator(), "/api/v1/demands?region=3").then().statusCode(400).body("errors[0].field", equalTo("region"));
        get(DevTokens.operator(), "/api/v1/demands?publisher=nope").then().statusCode(400).body("errors[0].field", equalTo("publisher"));
        get(DevTokens.operator(), "/api/v1/demands?status=CLOSED&size=100").then().body("items.status", everyItem(equalTo("CLOSED")));
    }
}
