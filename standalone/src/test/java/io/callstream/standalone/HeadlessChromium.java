package io.callstream.standalone;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, through Debian's chromium-driver: no browser is downloaded. Where
 * they are missing the test is skipped on a developer's machine and fails in CI (where {@code CI}
 * is set, as {@code .ci/run} and CI services set it), which installs them.
 */
final class HeadlessChromium {

    private static final Path BROWSER = Path.of(System.getProperty("callstream.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("callstream.test.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path profile) throws IOException {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String missing = "Chromium (" + BROWSER + ") and its driver (" + DRIVER + ") are needed: "
                    + "sudo apt-get install chromium chromium-driver";
            if (System.getenv("CI") != null) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        // Without the network flags Chromium keeps calling Google's hosts, which a closed machine refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1440,1100", "--user-data-dir=" + Files.createDirectories(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
