package org.rongtong.registry;

import static io.restassured.RestAssured.given;
import static org.rongtong.registry.RegistryTestSupport.profile;
import static org.rongtong.registry.RegistryTestSupport.register;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.EdgeConventions;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** ADR 0032 through registry-service: region codes and bad query values (lost updates: EnterpriseChangeTest). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class EdgeConventionsTest {

    @Test
    void aRegionPrefixThatNamesNoDivisionIsA400NamingTheParameter() {
        for (String odd : List.of("370", "37021", "3702120", "37a")) {
            EdgeConventions.assertBadParameter(Api.asOperator()
                    .when().get("/api/v1/enterprises?region=" + odd), "region");
            EdgeConventions.assertBadParameter(given().when().get("/api/v1/reference/regions?prefix=" + odd), "prefix");
        }
    }

    @Test
    void anEnterpriseIsLocatedBySixDigitsOnly() {
        Map<String, Object> body = profile();
        body.put("regionCode", "3702");
        EdgeConventions.assertBadParameter(register(body), "regionCode");
    }

    @Test
    void aBadQueryValueIsA400NotA404() {
        EdgeConventions.assertBadParameter(Api.asOperator().when().get("/api/v1/enterprises?kind=NOPE"), "kind");
        EdgeConventions.assertBadParameter(Api.asOperator().when().get("/api/v1/enterprises?size=101"), "size");
    }
}
