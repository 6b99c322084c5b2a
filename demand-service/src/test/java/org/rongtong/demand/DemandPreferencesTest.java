package org.rongtong.demand;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.Api;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Optional demand preferences: stored, read back, replaced or removed by an update, validated, and carried in events. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandPreferencesTest {

    private static TopicProbe demands;
    private static UUID leader;
    private static String token;

    @BeforeAll
    static void setUp() {
        demands = TopicProbe.of(Topics.DEMANDS);
        leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        token = DevTokens.enterprise(leader);
    }

    @AfterAll
    static void tearDown() {
        demands.close();
    }

    private static Map<String, Object> preferences() {
        Map<String, Object> p = new HashMap<>();
        p.put("preferredTiers", List.of("LITTLE_GIANT", "SPECIALIZED_SME", "LITTLE_GIANT"));
        p.put("preferInProvince", true);
        p.put("minEmployees", 200);
        p.put("minRevenue", 50_000_000);
        p.put("annualVolume", 500_000);
        p.put("annualVolumeUnit", "件");
        return p;
    }

    private static Map<String, Object> demandWith(Map<String, Object> preferences) {
        Map<String, Object> body = demand();
        body.put("preferences", preferences);
        return body;
    }

    @Test
    void aDemandPublishedWithPreferencesReadsBackWithThemAndItsEventCarriesThem() throws Exception {
        String id = createDemand(token, demandWith(preferences()), false);

        JsonNode read = json(get(DevTokens.bureau("37"), "/api/v1/demands/" + id).then().statusCode(200).extract().response());
        assertPreferences(read.path("preferences"));

        JsonNode event = Fixtures.JSON.readTree(demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30)).value());
        assertEquals(1, event.path("version").asInt(), event.toString());
        assertPreferences(event.path("preferences"));
    }

    /** Tiers without duplicates, in the order given; numbers compared by value (the columns have a fixed scale). */
    private static void assertPreferences(JsonNode p) {
        assertEquals(List.of("LITTLE_GIANT", "SPECIALIZED_SME"), texts(p.path("preferredTiers")), p.toString());
        assertTrue(p.path("preferInProvince").asBoolean(), p.toString());
        assertEquals(200, p.path("minEmployees").asInt(), p.toString());
        assertEquals(0, new BigDecimal("50000000").compareTo(p.path("minRevenue").decimalValue()), p.toString());
        assertEquals(0, new BigDecimal("500000").compareTo(p.path("annualVolume").decimalValue()), p.toString());
        assertEquals("件", p.path("annualVolumeUnit").asText(), p.toString());
    }

    @Test
    void anUpdateReplacesThePreferencesAndLeavingThemOutRemovesThem() throws Exception {
        String id = createDemand(token, demandWith(preferences()), false);

        Map<String, Object> changed = new HashMap<>();
        changed.put("preferredTiers", List.of("INNOVATIVE_SME"));
        changed.put("minEmployees", 50);
        put(id, "\"1\"", demandWith(changed)).then().statusCode(200).body("version", equalTo(2))
                .body("preferences.preferredTiers", equalTo(List.of("INNOVATIVE_SME"))).body("preferences.minEmployees", equalTo(50))
                .body("preferences.preferInProvince", nullValue()).body("preferences.minRevenue", nullValue())
                .body("preferences.annualVolume", nullValue()).body("preferences.annualVolumeUnit", nullValue());
        JsonNode second = Fixtures.JSON.readTree(awaitEvent(id, 2, EventTypes.DEMAND_UPDATED));
        assertEquals(List.of("INNOVATIVE_SME"), texts(second.at("/preferences/preferredTiers")), second.toString());
        assertTrue(second.at("/preferences/preferInProvince").isNull(), second.toString());
        assertEquals(50, second.at("/preferences/minEmployees").asInt(), second.toString());

        put(id, "\"2\"", demand()).then().statusCode(200).body("version", equalTo(3)).body("preferences", nullValue());
        get(token, "/api/v1/demands/" + id).then().statusCode(200).body("preferences", nullValue());
        JsonNode third = Fixtures.JSON.readTree(awaitEvent(id, 3, EventTypes.DEMAND_UPDATED));
        assertTrue(third.path("preferences").isMissingNode() || third.path("preferences").isNull(), third.toString());

        // preferences that state nothing are no preferences
        put(id, "\"3\"", demandWith(Map.of("preferredTiers", List.of()))).then().statusCode(200)
                .body("version", equalTo(4)).body("preferences", nullValue());
    }

    @Test
    void invalidPreferencesAreRefusedNamingTheFieldAndNothingIsWritten() {
        UUID publisher = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String as = DevTokens.enterprise(publisher);
        String existing = createDemand(as, demandWith(preferences()), false);
        long before = listed(publisher);

        Map<String, Object> badTier = preferences();
        badTier.put("preferredTiers", List.of("SPECIALIZED_SME", "UNICORN"));
        refused(post(as, "/api/v1/demands", demandWith(badTier)), "preferences.preferredTiers[1]");

        Map<String, Object> negativeEmployees = preferences();
        negativeEmployees.put("minEmployees", -1);
        refused(post(as, "/api/v1/demands", demandWith(negativeEmployees)), "preferences.minEmployees");

        Map<String, Object> negativeRevenue = preferences();
        negativeRevenue.put("minRevenue", -0.01);
        refused(post(as, "/api/v1/demands", demandWith(negativeRevenue)), "preferences.minRevenue");

        Map<String, Object> tooManyEmployees = preferences();
        tooManyEmployees.put("minEmployees", 10_000_001);
        refused(post(as, "/api/v1/demands", demandWith(tooManyEmployees)), "preferences.minEmployees");

        Map<String, Object> longUnit = preferences();
        longUnit.put("annualVolumeUnit", "件".repeat(21));
        refused(post(as, "/api/v1/demands", demandWith(longUnit)), "preferences.annualVolumeUnit");

        Map<String, Object> volumeWithoutUnit = preferences();
        volumeWithoutUnit.remove("annualVolumeUnit");
        refused(post(as, "/api/v1/demands", demandWith(volumeWithoutUnit)), "preferences.annualVolumeUnit");

        // in a batch, the item's position prefixes the field; the whole batch is refused
        Map<String, Object> batch = Map.of("demands", List.of(demandWith(preferences()), demandWith(badTier)));
        refused(post(as, "/api/v1/demands/batch", batch), "demands[1].preferences.preferredTiers[1]");

        // an update with invalid preferences leaves the demand as it was
        refused(Api.as(as).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(demandWith(badTier))
                .when().put("/api/v1/demands/" + existing), "preferences.preferredTiers[1]");

        assertEquals(before, listed(publisher));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ?", publisher));
        get(as, "/api/v1/demands/" + existing).then().statusCode(200).body("version", equalTo(1))
                .body("preferences.preferredTiers", equalTo(List.of("LITTLE_GIANT", "SPECIALIZED_SME")));
    }

    @Test
    void aDemandWithoutPreferencesStillWorksAndItsEventHasNone() throws Exception {
        String id = createDemand(token, demand(), false);
        get(token, "/api/v1/demands/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED")).body("preferences", nullValue());

        JsonNode event = Fixtures.JSON.readTree(demands.awaitKey(id, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30)).value());
        assertEquals("PUBLISHED", event.path("status").asText(), event.toString());
        assertTrue(event.path("preferences").isMissingNode() || event.path("preferences").isNull(), event.toString());

        // an empty object states nothing either
        String empty = createDemand(token, demandWith(Map.of()), false);
        get(token, "/api/v1/demands/" + empty).then().statusCode(200).body("preferences", nullValue());
        JsonNode emptyEvent = Fixtures.JSON.readTree(demands.awaitKey(empty, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30)).value());
        assertTrue(emptyEvent.path("preferences").isMissingNode() || emptyEvent.path("preferences").isNull(), emptyEvent.toString());
    }

    @Test
    void theOpenApiDocumentExplainsThePreferences() throws Exception {
        JsonNode openApi = json(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().response());
        JsonNode schema = openApi.at("/components/schemas/DemandPreferences");

        assertTrue(schema.path("description").asText().contains("preferences"), schema.toString());
        assertTrue(schema.at("/properties/minRevenue/description").asText().contains("CNY (yuan"), schema.toString());
        assertTrue(schema.at("/properties/preferredTiers/description").asText().contains("LITTLE_GIANT"), schema.toString());
        assertTrue(schema.at("/properties/annualVolumeUnit/description").asText().contains("20"), schema.toString());
        assertEquals(10_000_000, schema.at("/properties/minEmployees/maximum").asInt(), schema.toString());
        assertTrue(openApi.at("/components/schemas/PublishDemandRequest/properties/preferences").toString().contains("CNY"),
                openApi.at("/components/schemas/PublishDemandRequest").toString());
        assertTrue(openApi.at("/components/schemas/DemandView/properties/preferences").toString().contains("DemandPreferences"),
                openApi.at("/components/schemas/DemandView").toString());
    }

    // ---

    private static void refused(Response response, String field) {
        assertProblem(response, 400);
        response.then().body("errors.field", hasItem(field));
    }

    private static long listed(UUID publisher) {
        return ((Number) get(DevTokens.operator(), "/api/v1/demands?publisher=" + publisher).then().statusCode(200)
                .extract().path("total")).longValue();
    }

    private static String awaitEvent(String id, int version, String type) {
        return demands.await(r -> id.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains("\"version\":" + version + ","), Duration.ofSeconds(30)).value();
    }

    private static Response put(String id, String ifMatch, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .when().put("/api/v1/demands/" + id);
    }

    private static JsonNode json(Response response) throws Exception {
        return Fixtures.JSON.readTree(response.asString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
