package com.example.websockets.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A headless Chromium for the page tests, from Debian's {@code chromium} and
 * {@code chromium-driver} packages. Without them a test is skipped locally, but fails in CI.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(15);

    public final ChromeDriver driver;
    private boolean closed;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Opens a browser, or skips the test (fails it when CI=true) if Chromium isn't installed. */
    public static Browser open() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "Chromium and its driver are needed for the browser tests;"
                    + " install them with: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--window-size=640,480");
        options.setCapability("goog:loggingPrefs",
                Map.of(LogType.BROWSER, "ALL")); // to read the console
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** The console's reports of Content Security Policy violations since the last call. */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    public void load(int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Loads a page whose socket connects at once, and waits until it is open. */
    public void connect(int port, String path) {
        load(port, path);
        awaitText("status", "open");
    }

    /** Types into the page's message box and presses Enter. */
    public void typeAndEnter(String text) {
        typeAndEnter("msgInput", text);
    }

    /** Types into the input {@code id} and presses Enter, which submits its form. */
    public void typeAndEnter(String id, String text) {
        find(id).sendKeys(text + Keys.ENTER);
    }

    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    public WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    public String text(String id) {
        return find(id).getText();
    }

    /**
     * The items of the page's message list, read in one go: a page that redraws it can't leave a
     * stale item.
     */
    @SuppressWarnings("unchecked")
    public List<String> messages() {
        return List.copyOf((List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('#messages li'),"
                        + " item => item.innerText);"));
    }

    /** Waits until the list of messages shows {@code expected}, one item each. */
    public void awaitMessages(List<String> expected) {
        awaitAsserted(() -> assertEquals(expected, messages(), "messages on the page"));
    }

    public void awaitText(String id, String expected) {
        awaitAsserted(() -> assertEquals(expected, text(id), "text of #" + id));
    }

    /**
     * Retries {@code assertion} until it passes, failing with its last message after a deadline.
     */
    public void awaitAsserted(ThrowingRunnable assertion) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion);
    }

    /** Closes the window; closing it again, as a test's cleanup may, does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            driver.quit();
        }
    }

    /** Closes every browser that was opened; for a test's cleanup, where some may be null. */
    public static void closeAll(Browser... browsers) {
        for (Browser browser : browsers) {
            if (browser != null) {
                browser.close();
            }
        }
    }
}
