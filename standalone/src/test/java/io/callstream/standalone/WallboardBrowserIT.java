package io.callstream.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The wallboard in a real browser against {@code ./callstream}: sign in, then calls posted to the
 * edge appear on the page (active calls, tiles, charts, caller log) without a reload, and the page
 * marks a call done; while callstream restarts it says so and then catches up. Leaves
 * {@code target/wallboard.png} behind.
 */
class WallboardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    private ConfigurableApplicationContext running;
    private ChromeDriver browser;
    private LaunchSettings settings;
    private int port;
    private String siteToken;
    private String apiToken;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.start(dataDirectory.resolve("chromium"));
        settings = new LaunchSettings(Optional.empty(), dataDirectory.resolve("callstream"), 0, Optional.empty(),
                Optional.empty());
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // kept across a restart, as the page's address is
        }
        launch();
        siteToken = Files.readString(settings.dataDirectory().resolve(PersistedToken.DEFAULT_SITE)).trim();
        apiToken = Files.readString(settings.dataDirectory().resolve(PersistedToken.ADMIN)).trim();
    }

    private void launch() {
        running = CallstreamLauncher.start(settings, "--server.port=" + port, "--management.server.port=0");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void shouldShowCallsAsTheyHappenWithoutAReload() throws Exception {
        browser.get(base() + "/wallboard");
        signIn("not-the-api-token");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(text("#sign-in-error")).isEqualTo("That is not the API token."));
        signIn(apiToken);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(liveState()).isEqualTo("live");
            assertThat(tile("offered")).isEqualTo("0");
        });
        assertThat(browser.getCurrentUrl()).doesNotContain(apiToken).endsWith("/wallboard#site=default");
        browser.executeScript("window.sameDocument = true");

        post("event=newCall&from=493055571600&to=4930111&direction=in&callId=wb-1&queue=sales&user[]=Alice");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(activeCalls()).containsExactly("default/wb-1/1 ringing");
            assertThat(tile("active_now")).isEqualTo("1");
        });
        Thread.sleep(1_100);
        post("event=answer&from=493055571600&to=4930111&direction=in&callId=wb-1&user=Alice&answeringNumber=4930111");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(activeCalls()).containsExactly("default/wb-1/1 talking"));

        post("event=newCall&from=4940222&to=4930111&direction=in&callId=wb-2&queue=support");
        post("event=hangup&from=4940222&to=4930111&direction=in&callId=wb-2&cause=cancel");
        post("event=hangup&from=493055571600&to=4930111&direction=in&callId=wb-1&cause=normalClearing");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(activeCalls()).isEmpty();
            assertThat(tiles()).containsEntry("offered", "2").containsEntry("answered", "1")
                    .containsEntry("missed", "1").containsEntry("abandoned_short", "1").containsEntry("active_now", "0")
                    .containsEntry("service_level", "100 %");
            assertThat(callerLog()).containsExactly("default/wb-2/1 missed false", "default/wb-1/1 - true");
            assertThat(chartTotal("hourly-chart", 0)).as("answered per hour").isEqualTo(1);
            assertThat(chartTotal("hourly-chart", 1)).as("missed per hour").isEqualTo(1);
            assertThat(chartTotal("wait-chart", 0)).as("answered by wait").isEqualTo(1);
        });
        post("event=newCall&from=4940333&to=4930111&direction=in&callId=wb-3&queue=support");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(activeCalls()).containsExactly("default/wb-3/1 ringing"));
        String waited = text("#active-calls .timer");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(text("#active-calls .timer")).as("waiting, counting up")
                .isGreaterThan(waited));
        assertThat(tile("active_now")).isEqualTo("1");
        screenshot();

        browser.findElement(By.cssSelector("tr[data-id='default/wb-2/1'] button.done")).click();
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(callerLog()).containsExactly("default/wb-3/1 - false", "default/wb-2/1 missed true",
                        "default/wb-1/1 - true"));

        browser.executeScript("const queue = document.getElementById('queue'); queue.value = 'sales';"
                + "queue.dispatchEvent(new Event('change'));");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(callerLog()).containsExactly("default/wb-1/1 - true");
            assertThat(tiles()).containsEntry("offered", "1").containsEntry("missed", "0");
        });
        assertThat(browser.getCurrentUrl()).endsWith("#site=default&queue=sales");

        assertThat(browser.executeScript("return window.sameDocument === true")).as("never reloaded").isEqualTo(true);
        assertThat(browser.executeScript("return sessionStorage.getItem('callstream.apiToken')")).isEqualTo(apiToken);
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                // the wrong token's 401, as the browser reports every failed request
                .filter(message -> !message.contains("/api/v1/stats/sites - Failed to load resource")).toList();
        assertThat(errors).as("the browser's console").isEmpty();
    }

    @Test
    void shouldShowReconnectingWhileCallstreamIsAwayAndCatchUpWithoutAReload() throws Exception {
        browser.get(base() + "/wallboard");
        signIn(apiToken);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(liveState()).isEqualTo("live"));
        browser.executeScript("window.sameDocument = true");
        post("event=newCall&from=4940444&to=4930111&direction=in&callId=wb-restart&queue=sales");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(activeCalls()).containsExactly("default/wb-restart/1 ringing"));

        running.close();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(liveState()).isEqualTo("reconnecting");
            assertThat(text("#live")).isEqualTo("reconnecting…");
        });
        launch();
        post("event=hangup&from=4940444&to=4930111&direction=in&callId=wb-restart&cause=cancel");

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(liveState()).isEqualTo("live");
            assertThat(activeCalls()).isEmpty();
            assertThat(callerLog()).containsExactly("default/wb-restart/1 missed false");
            assertThat(tiles()).containsEntry("offered", "1").containsEntry("missed", "1");
        });
        assertThat(browser.executeScript("return window.sameDocument === true")).as("never reloaded").isEqualTo(true);
    }

    private Object liveState() {
        return script("return document.getElementById('live').dataset.state");
    }

    private void signIn(String token) {
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private String text(String selector) {
        return String.valueOf(script("return document.querySelector(arguments[0]).textContent", selector));
    }

    private String tile(String figure) {
        return tiles().get(figure);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> tiles() {
        return (Map<String, String>) script("return Object.fromEntries([...document.querySelectorAll('.tile')]"
                + ".map(tile => [tile.dataset.figure, tile.querySelector('.value').textContent]))");
    }

    /** Each active call as its row id and state. */
    @SuppressWarnings("unchecked")
    private List<String> activeCalls() {
        return (List<String>) script("return [...document.querySelectorAll('#active-calls tr')]"
                + ".map(row => row.dataset.id + ' ' + row.cells[0].textContent)");
    }

    /** Each caller-log row as its id, whether it is highlighted as missed, and whether it is done. */
    @SuppressWarnings("unchecked")
    private List<String> callerLog() {
        return (List<String>) script("return [...document.querySelectorAll('#caller-log tr')]"
                + ".map(row => row.dataset.id + ' ' + (row.classList.contains('missed') ? 'missed' : '-') + ' ' + row.dataset.done)");
    }

    private long chartTotal(String canvas, int dataset) {
        Object total = script("const chart = Chart.getChart(arguments[0]);"
                + "return chart.data.datasets[arguments[1]].data.reduce((sum, value) => sum + value, 0)", canvas, dataset);
        return ((Number) total).longValue();
    }

    private Object script(String script, Object... arguments) {
        return browser.executeScript(script, arguments);
    }

    private void screenshot() throws Exception {
        Path target = Path.of("target", "wallboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void post(String form) throws Exception {
        assertThat(PbxPosts.post(base(), siteToken, form).statusCode()).as(form).isEqualTo(200);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
