package de.gemeinwerk.portal;

import de.gemeinwerk.portal.settings.PortalSettings;
import de.gemeinwerk.portal.settings.PortalSettingsStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's path in a real browser: {@code src/test/browser/portal.test.mjs} (playwright-core driving Debian's
 * Chromium, axe-core on every page) against this application with a seeded municipality. The script's output is
 * the failure message. It also saves screenshots of each page — into {@code target/screenshots}, so a test run leaves
 * the working tree clean; {@code ./mvnw verify -pl portal -am -Dgemeinwerk.screenshots=$PWD/docs/screenshots} renews
 * the README's.
 */
class PortalBrowserTest extends PortalTestBase {

    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("gemeinwerk.screenshots", "target/screenshots"));
    private static final long TIMEOUT_MINUTES = 5;
    private static final String BOUNDARY = "{\"type\": \"Polygon\", \"coordinates\": [[[9.489, 51.294],"
            + " [9.512, 51.292], [9.516, 51.306], [9.503, 51.311], [9.487, 51.305], [9.489, 51.294]]]}";

    @Autowired
    PortalSettingsStore settings;

    @Test
    void citizensPathIsAccessibleAndWorks() throws IOException, InterruptedException {
        assertThat(CHROMIUM).as("Chromium is needed (./gemeinwerk test installs it: apt-get install chromium)")
                .isExecutable();
        assertThat(BROWSER_TESTS.resolve("node_modules/playwright-core")).as("npm ci ran in src/test/browser")
                .isDirectory();
        PortalSeed seed = seed("browser");
        // what the screenshots show: a municipality's name and its boundary around the three Things
        tenants.update(seed.sta.tenant().slug(), "Gemeinde Musterdorf", null);
        settings.save(seed.sta.tenant().id(), new PortalSettings(null, null, BOUNDARY));
        String config = JsonMapper.builder().build().writeValueAsString(Map.of(
                // 127.0.0.1, not localhost: the script counts requests to any other host as leaving the machine
                "baseUrl", "http://127.0.0.1:" + port,
                "tenant", seed.sta.tenant().slug(),
                "key", seed.sta.key(),
                "datastream", seed.waterLevel,
                "denseThing", seed.airStation,
                "chromium", CHROMIUM.toString(),
                "screenshots", SCREENSHOTS.toAbsolutePath().normalize().toString()));
        Process node = new ProcessBuilder("node", "portal.test.mjs", config)
                .directory(BROWSER_TESTS.toFile()).redirectErrorStream(true).start();
        // read while it runs, so a full pipe never blocks the script
        byte[] output = node.getInputStream().readAllBytes();
        boolean finished = node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        String printed = new String(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the browser test did not finish in %d minutes:%n%s", TIMEOUT_MINUTES, printed).isTrue();
        assertThat(node.exitValue()).as("the browser test failed:%n%s", printed).isZero();
        assertThat(printed).contains("portal browser test passed");
        try (Stream<Path> saved = Files.list(SCREENSHOTS)) {
            assertThat(saved.filter(p -> p.getFileName().toString().startsWith("portal-"))).hasSize(6);
        }
    }
}
