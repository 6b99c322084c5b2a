package org.rongtong.local.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: never a browser a test tool downloads. Without them
 * the browser tests fail in CI (which installs both: .ci/run) and are skipped, with a message, on a machine where CI is
 * unset.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("rongtong.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("rongtong.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    static void requireInstalled() {
        if (Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER))) {
            return;
        }
        String message = "The browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                + "): apt-get install -y chromium chromium-driver";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(message);
        }
        Assumptions.abort(message + " (skipped because CI is unset)");
    }

    /** A fresh profile, downloads into {@code downloads}, and no traffic of Chromium's own to the internet. */
    static ChromeDriver start(Path profile, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1440,1500", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // headless Chromium saves downloads only where it is told to, through the DevTools protocol
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return driver;
    }
}
