package org.rongtong.local.dashboard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rongtong.local.DemoProgramme;
import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bureau dashboard in a real browser (Debian's headless Chromium) against the four service JVMs: a Shandong bureau
 * signs in with its token, sees the KPI figures the API gives, sees a demand published through the API appear in the
 * live feed, switches to English and downloads the matches workbook, which is read back here.
 * {@code -Drongtong.screenshot.file=docs/dashboard.png} loads the demonstration programme first and saves a
 * screenshot of the dashboard (deploy/local/screenshot.sh).
 */
class DashboardIT {

    private static final String REGION = "37";

    private static LocalStack stack;
    private static StackClient client;
    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void startStackAndBrowser() throws Exception {
        Chromium.requireInstalled();
        Path root = Path.of(System.getProperty("rongtong.root", "../.."));
        stack = LocalStack.throwaway(root, "rt_dash").start();
        client = new StackClient(stack);
        Path work = Files.createTempDirectory("rongtong-dashboard-");
        downloads = Files.createDirectories(work.resolve("downloads"));
        browser = Chromium.start(Files.createDirectories(work.resolve("profile")), downloads);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static Path screenshotFile() {
        String file = System.getProperty("rongtong.screenshot.file", "");
        return file.isBlank() ? null : Path.of(file);
    }

    private static String register(String name, String kind, String region, List<String> capabilities, Map<String, String> willingness) {
        return client.registerEnterprise(DevTokens.partner(), name, kind, kind.equals("SME") ? "SPECIALIZED_SME" : null, region,
                List.of("HOME_APPLIANCES"), capabilities, willingness);
    }

    @Test
    void aBureauWatchesItsProgrammeLiveSwitchesLanguageAndFilesTheExport() throws Exception {
        String leader = register("青岛看板家电集团", "CHAIN_LEADER", "370212", List.of("整机装配"), Map.of());
        String sme = register("青岛看板精密注塑有限公司", "SME", "370211", List.of("精密注塑", "模具开发"), Map.of("PRODUCT_SUPPORTING", "STRONG"));
        String bureau = DevTokens.bureau(REGION);

        browser.get(stack.url(Service.NOTIFICATION) + "/dashboard/");
        browser.findElement(By.id("token")).sendKeys(bureau);
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.id("status")).getDomAttribute("data-loaded")));
        assertEquals("zh-CN", browser.findElement(By.tagName("html")).getDomAttribute("lang"));

        // the KPI figures are the API's
        JsonNode kpis = client.get(Service.MATCHING, "/api/v1/kpis?region=" + REGION, bureau).body();
        assertEquals(4, kpis.get("indicators").size(), kpis.toString());
        for (JsonNode indicator : kpis.get("indicators")) {
            WebElement card = browser.findElement(By.cssSelector(".kpi[data-code='" + indicator.get("code").asText() + "']"));
            assertEquals(indicator.get("value").asDouble(), Double.parseDouble(card.findElement(By.className("value")).getDomAttribute("data-value")),
                    indicator.toString());
            assertEquals(indicator.get("numerator").asText(), card.findElement(By.className("numerator")).getText(), indicator.toString());
            assertTrue(card.getText().contains(indicator.get("name").asText()), card.getText());
        }

        // a demand published through the API reaches the live feed, and the chain table follows
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(browser.findElement(By.id("feed-state")).getDomAttribute("data-live")));
        if (screenshotFile() != null) {
            // loaded while the page watches, so that the picture shows the programme and its events in the feed
            new DemoProgramme(client).load(System.out);
        }
        String title = "看板测试：冰箱门体精密注塑配套 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("field", "PRODUCT_SUPPORTING");
        demand.put("chain", "HOME_APPLIANCES");
        demand.put("title", title);
        demand.put("description", "寻求精密注塑与模具开发能力的配套企业");
        demand.put("requiredCapabilities", List.of("精密注塑", "模具开发"));
        demand.put("regionCodes", List.of(REGION));
        demand.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        String leaderToken = DevTokens.enterprise(UUID.fromString(leader));
        client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", leaderToken, demand), r -> r.status() == 201, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() -> feedText().contains(title));
        assertTrue(feedText().matches("(?s).*需求「" + title + "」匹配到 \\d+ 家候选企业.*"), feedText());
        // the page reloads its figures after each event: its appliance row comes to equal the API's
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            JsonNode appliances = client.get(Service.MATCHING, "/api/v1/kpis/breakdown?region=" + REGION, bureau).body().get("chains").get(0);
            assertEquals("HOME_APPLIANCES", appliances.get("chain").asText());
            return appliances.get("matches").asInt() >= 1
                    && chainCells("HOME_APPLIANCES").equals(List.of(appliances.get("demands").asText(), appliances.get("matches").asText()));
        });
        if (screenshotFile() != null) {
            screenshot(screenshotFile());
        }

        // English: the page's own labels, the indicators' names and the feed
        browser.findElement(By.id("lang")).click();
        assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Live match feed", browser.findElement(By.cssSelector("[data-i18n='feed']")).getText());
        assertTrue(browser.findElement(By.id("kpis")).getText().contains("Matchmaking sessions held"), browser.findElement(By.id("kpis")).getText());
        assertTrue(feedText().matches("(?s).*Demand “" + title + "” matched \\d+ candidates?.*"), feedText());
        assertEquals("中文", browser.findElement(By.id("lang")).getText());

        // the matches workbook of the bureau's region, downloaded by the browser and read back
        browser.findElement(By.id("export-matches-xlsx")).click();
        Path file = downloads.resolve("rongtong-matches-" + REGION + ".xlsx");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(file.getFileName() + ".crdownload")));
        Map<String, String> workbook = unzip(file);
        String sheet = workbook.get("xl/worksheets/sheet1.xml");
        assertTrue(workbook.get("xl/workbook.xml").contains("对接匹配"), workbook.keySet().toString());
        assertTrue(sheet.contains(">需求标题<") && sheet.contains(">候选企业<") && sheet.contains(">状态<"), sheet);
        assertTrue(sheet.contains(title) && sheet.contains("青岛看板精密注塑有限公司") && sheet.contains(">已推荐<"), sheet);
        assertFalse(sheet.contains(sme), "ids of enterprises are not columns of the export, names are");

        // everything the page loaded came from the suite itself: nothing from the internet
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        assertFalse(loaded.isEmpty());
        for (String url : loaded) {
            assertTrue(url.startsWith("http://127.0.0.1:") || url.startsWith("blob:"), "loaded from outside the suite: " + url);
        }
    }

    /** The whole page, not only the first screen, through the DevTools protocol. */
    @SuppressWarnings("unchecked")
    private static void screenshot(Path file) throws IOException, InterruptedException {
        Thread.sleep(2500); // the figures reload two seconds after the last event
        String year = System.getProperty("rongtong.screenshot.year", "");
        if (!year.isBlank()) {
            // the demonstration's sessions may lie in another year than this one
            browser.findElement(By.id("year")).clear();
            browser.findElement(By.id("year")).sendKeys(year);
            browser.findElement(By.id("refresh")).click();
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.findElement(By.id("status")).getText().contains(" · " + year + " · "));
            Thread.sleep(500);
        }
        Map<String, Object> size = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static String feedText() {
        return browser.findElement(By.id("feed")).getText();
    }

    /** The demands and matches columns of a chain's row in the dashboard's chain table. */
    private static List<String> chainCells(String chain) {
        // read in one script: the page re-renders its tables whenever an event arrives
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "\"#chain-table tr[data-key='" + chain + "'] td\")).map(td => td.textContent)");
        return cells.size() < 3 ? List.of() : List.of(cells.get(1), cells.get(2));
    }

    private static Map<String, String> unzip(Path file) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(file); ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
