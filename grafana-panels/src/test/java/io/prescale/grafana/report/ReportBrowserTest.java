package io.prescale.grafana.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report in a real browser: Debian's {@code chromium} driven headless by {@code chromedriver}. The page
 * loads, every image loads with a non-zero natural size, and the console logs no errors. Skipped with a reason
 * when chromium or chromedriver is missing, but failed when {@code CI=true} (CI installs both). Checks the
 * fixture report, or the page given by {@code -Dprescale.report=…/report.html}; leaves a screenshot in
 * {@code target/report-screenshot.png} or {@code -Dprescale.screenshot=FILE}.
 */
class ReportBrowserTest {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    @Test
    void reportLoadsWithEveryImageAndNoConsoleErrors(@TempDir Path dir, @TempDir Path profile) throws Exception {
        String chromium = first(CHROMIUM);
        String driverPath = first(DRIVER);
        if (chromium == null || driverPath == null) {
            String why = "chromium or chromedriver not installed (apt-get install -y chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true but " + why);
            }
            Assumptions.abort(why);
        }
        Path page;
        String given = System.getProperty("prescale.report");
        if (given != null && !given.isBlank()) {
            page = Path.of(given).toAbsolutePath();
        } else {
            ReportWriter.write(ReportFixture.full(), dir);
            copyForInspection(dir);
            page = dir.resolve("report.html");
        }
        long declared = Files.readString(page).split("<img ", -1).length - 1;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driverPath))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().window().setSize(new Dimension(1300, 2400));
            driver.get(page.toUri().toString());
            assertThat(driver.getTitle()).startsWith("Prescale");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> images = (List<Map<String, Object>>) ((JavascriptExecutor) driver)
                    .executeScript("return Array.from(document.images).map(i => ({src: i.src, complete: i.complete,"
                            + " w: i.naturalWidth, h: i.naturalHeight}));");
            assertThat(images).hasSize((int) declared).isNotEmpty();
            assertThat(images).allSatisfy(i -> {
                assertThat(i.get("complete")).as(String.valueOf(i.get("src"))).isEqualTo(true);
                assertThat(((Number) i.get("w")).longValue())
                        .as(String.valueOf(i.get("src")))
                        .isPositive();
                assertThat(((Number) i.get("h")).longValue())
                        .as(String.valueOf(i.get("src")))
                        .isPositive();
            });
            List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .toList();
            assertThat(errors).as("console errors").isEmpty();
            Path shot = Path.of(System.getProperty("prescale.screenshot", "target/report-screenshot.png"));
            Files.createDirectories(shot.toAbsolutePath().getParent());
            Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aMissingImageIsCaught(@TempDir Path dir, @TempDir Path profile) throws Exception {
        // the check above must be able to fail: a page whose image is missing logs a console error
        String chromium = first(CHROMIUM);
        String driverPath = first(DRIVER);
        Assumptions.assumeTrue(chromium != null && driverPath != null, "chromium or chromedriver not installed");
        Files.writeString(
                dir.resolve("report.html"),
                "<!DOCTYPE html><html><head><title>x</title></head>"
                        + "<body><img src=\"img/missing.png\" alt=\"missing\"></body></html>");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(driverPath))
                        .usingAnyFreePort()
                        .build(),
                options);
        try {
            driver.get(dir.resolve("report.html").toUri().toString());
            Number w = (Number) ((JavascriptExecutor) driver).executeScript("return document.images[0].naturalWidth;");
            assertThat(w.longValue()).isZero();
            assertThat(driver.manage().logs().get(LogType.BROWSER).getAll())
                    .anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.SEVERE));
        } finally {
            driver.quit();
        }
    }

    /** Keeps the fixture report in target/ for a person to open. */
    private static void copyForInspection(Path dir) throws java.io.IOException {
        Path keep = Path.of("target", "report-fixture");
        Files.createDirectories(keep.resolve("img"));
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(
                        f,
                        keep.resolve(dir.relativize(f).toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String first(List<String> candidates) {
        return candidates.stream()
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
    }
}
