package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.registry.RegistryTestSupport.profile;
import static org.rongtong.registry.RegistryTestSupport.registered;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DirectoryAndReferenceTest {

    @Test
    void referenceDataListsTheTwelveFieldsTiersSampleChainsAndEveryShandongCounty() {
        given().when().get("/api/v1/reference/fields").then().statusCode(200).body("$", hasSize(12))
                .body("find { it.code == 'TECH_RND' }.name", equalTo("技术研发"));
        given().when().get("/api/v1/reference/tiers").then().statusCode(200).body("code", hasItem("LITTLE_GIANT"));
        given().when().get("/api/v1/reference/chains").then().statusCode(200).body("sample", everyItem(equalTo(true)));
        given().when().get("/api/v1/reference/regions?level=PROVINCE").then().statusCode(200).body("$", hasSize(31));
        given().when().get("/api/v1/reference/regions?prefix=37&level=COUNTY").then().statusCode(200)
                .body("code", everyItem(startsWith("37"))).body("find { it.code == '370211' }.nameEn", equalTo("Huangdao District"));
        given().when().get("/api/v1/reference/regions?prefix=3").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theDirectoryFiltersAndPagesInAStableOrder() {
        String tag = "检索" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = profile();
            body.put("name", tag + "企业" + i);
            if (i == 4) {
                body.put("regionCode", "440305");
                body.put("willingness", Map.of("TECH_RND", "STRONG"));
            }
            ids.add(registered(body));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            var page = Api.asOperator().queryParam("q", tag).queryParam("size", 2)
                    .queryParam("pageToken", token).when().get("/api/v1/enterprises").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            token = page.path("nextPageToken");
        } while (token != null);
        assertEquals(ids, seen, "every enterprise once, in registration order");

        Api.asOperator().queryParam("q", tag).queryParam("region", "37")
                .queryParam("field", "PRODUCT_SUPPORTING").queryParam("chain", "HOME_APPLIANCES").queryParam("kind", "SME")
                .queryParam("tier", "SPECIALIZED_SME").when().get("/api/v1/enterprises")
                .then().statusCode(200).body("items", hasSize(4));
        Api.asOperator().queryParam("q", tag).queryParam("field", "TECH_RND")
                .when().get("/api/v1/enterprises").then().statusCode(200).body("items", hasSize(5));
        Api.asOperator().queryParam("q", tag).queryParam("region", "44")
                .when().get("/api/v1/enterprises").then().statusCode(200).body("items.id", equalTo(List.of(ids.get(4))));
        Api.asOperator().queryParam("size", 101).when().get("/api/v1/enterprises")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        assertTrue(seen.size() == 5);
    }
}
