package org.rongtong.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bureau dashboard's page is served by notification-service without a token (it holds no programme data), and it
 * loads nothing from the internet: every script, style and call is relative or goes to the configured services
 * (docs/adr/0027-bureau-dashboard-and-exports.md). DashboardIT drives it in a browser against the whole suite.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DashboardPageTest {

    private static final List<String> FILES = List.of("index.html", "dashboard.js", "charts.js", "i18n.js", "dashboard.css");

    @Test
    void thePageAndItsAssetsAreServedWithoutAToken() {
        given().when().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"dashboard.js\"></script>"));
        for (String file : FILES) {
            given().when().get("/dashboard/" + file).then().statusCode(200);
        }
    }

    @Test
    void theConfigNamesTheSameOriginUnlessTheServicesAreElsewhere() {
        given().when().get("/api/v1/dashboard/config").then().statusCode(200)
                .body("matching", equalTo("")).body("demand", equalTo("")).body("registry", equalTo("")).body("notification", equalTo(""));
    }

    @Test
    void nothingOnThePageComesFromTheInternet() throws IOException {
        Pattern external = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}");
        for (String file : FILES) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/dashboard/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = external.matcher(text);
                while (m.find()) {
                    // the SVG namespace is a name, not an address anything is fetched from
                    assertTrue(m.group().equals("http://www.w3.org"), file + " refers to " + m.group());
                }
            }
        }
    }
}
