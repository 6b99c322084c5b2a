package org.rongtong.registry;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.rongtong.registry.RegistryTestSupport.profile;
import static org.rongtong.registry.RegistryTestSupport.registered;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What each role may change and read of an enterprise (docs/role-matrix.md). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EnterpriseTrustBoundaryTest {

    private static Response put(String token, String id, Map<String, Object> body) {
        String etag = Api.asOperator().when().get("/api/v1/enterprises/" + id).header("ETag");
        return Api.as(token).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/enterprises/" + id);
    }

    @Test
    void anSmeCannotMakeItselfAChainLeaderNorMoveItsRegionOrTier() {
        Map<String, Object> body = profile();
        String id = registered(body);
        String self = DevTokens.enterprise(UUID.fromString(id));

        body.put("kind", "CHAIN_LEADER");
        body.put("regionCode", "440305");
        body.put("tier", "LITTLE_GIANT");
        put(self, id, body).then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItems("kind", "regionCode", "tier"));

        Api.asOperator().when().get("/api/v1/enterprises/" + id)
                .then().body("kind", equalTo("SME")).body("regionCode", equalTo("370211")).body("version", equalTo(1));
    }

    @Test
    void anSmeStillEditsItsOwnDescriptionAndCapabilities() {
        Map<String, Object> body = profile();
        String id = registered(body);
        body.put("description", "新增汽车内饰件注塑");
        put(DevTokens.enterprise(UUID.fromString(id)), id, body).then().statusCode(200)
                .body("description", equalTo("新增汽车内饰件注塑"));
    }

    @Test
    void aPartnerChangesVouchedFactsOnlyForTheEnterprisesItWasGranted() {
        Map<String, Object> body = profile();
        String id = registered(body);
        body.put("tierLevel", "NATIONAL");
        put(DevTokens.partner(UUID.randomUUID()), id, body).then().statusCode(403);
        put(DevTokens.partner(UUID.fromString(id)), id, body).then().statusCode(200).body("tierLevel", equalTo("NATIONAL"));
    }

    @Test
    void aPartnerNotGrantedTheEnterpriseCannotDeactivateReactivateOrSeeContacts() {
        String id = registered(profile());
        String stranger = DevTokens.partner();
        String etag = Api.asOperator().when().get("/api/v1/enterprises/" + id).header("ETag");
        Api.as(stranger).header("If-Match", etag).when().post("/api/v1/enterprises/" + id + "/deactivate")
                .then().statusCode(403);
        Api.as(stranger).header("If-Match", etag).when().post("/api/v1/enterprises/" + id + "/reactivate")
                .then().statusCode(403);
        Api.as(stranger).when().get("/api/v1/enterprises/" + id).then().statusCode(200).body("contacts", nullValue());
        Api.asPartner(UUID.fromString(id)).when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts", notNullValue());
    }

    @Test
    void aBureauReadsOnlyTheEnterprisesOfItsRegion() {
        String shandong = registered(profile());
        Api.asBureau("44").when().get("/api/v1/enterprises/" + shandong)
                .then().statusCode(404).contentType("application/problem+json");
        Api.asBureau("3702").when().get("/api/v1/enterprises/" + shandong)
                .then().statusCode(200).body("contacts", nullValue());
        Api.asBureau("3706").when().get("/api/v1/enterprises/" + shandong).then().statusCode(404);
    }

    @Test
    void aBureauSearchesTheDirectoryWithinItsRegionOnly() {
        String tag = "区域检索" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> qingdao = profile();
        qingdao.put("capabilities", java.util.List.of(tag));
        registered(qingdao);
        Map<String, Object> shenzhen = profile(TestData.creditCode("440305"));
        shenzhen.put("regionCode", "440305");
        shenzhen.put("capabilities", java.util.List.of(tag));
        registered(shenzhen);

        Api.asBureau("37").queryParam("q", tag).when().get("/api/v1/enterprises")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items.regionCode", everyItem(startsWith("37")));
        Api.asBureau("44").queryParam("q", tag).queryParam("region", "4403").when().get("/api/v1/enterprises")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].regionCode", equalTo("440305"));
        Api.asBureau("44").queryParam("q", tag).queryParam("region", "37").when().get("/api/v1/enterprises")
                .then().statusCode(403).contentType("application/problem+json");
        Api.asOperator().queryParam("q", tag).when().get("/api/v1/enterprises")
                .then().statusCode(200).body("items.size()", equalTo(2));
    }
}
