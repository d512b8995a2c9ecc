package de.gemeinwerk.portal;

import de.gemeinwerk.platform.BrowserScript;
import de.gemeinwerk.portal.settings.PortalSettings;
import de.gemeinwerk.portal.settings.PortalSettingsStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's path in a real browser: {@code browser-tests/portal.test.mjs} (playwright-core driving Debian's
 * Chromium, axe-core on every page) against this application with a seeded municipality. The script's output is
 * the failure message. It also saves screenshots of each page — into {@code target/screenshots}, so a test run leaves
 * the working tree clean; {@code ./mvnw verify -pl portal -am -Dgemeinwerk.screenshots=$PWD/docs/screenshots} renews
 * the README's.
 */
class PortalBrowserTest extends PortalTestBase {

    private static final String BOUNDARY = "{\"type\": \"Polygon\", \"coordinates\": [[[9.489, 51.294],"
            + " [9.512, 51.292], [9.516, 51.306], [9.503, 51.311], [9.487, 51.305], [9.489, 51.294]]]}";

    @Autowired
    PortalSettingsStore settings;

    @Test
    void citizensPathIsAccessibleAndWorks() throws IOException, InterruptedException {
        PortalSeed seed = seed("browser");
        // what the screenshots show: a municipality's name and its boundary around the three Things
        tenants.update(seed.sta.tenant().slug(), "Gemeinde Musterdorf", null);
        settings.save(seed.sta.tenant().id(), new PortalSettings(null, null, BOUNDARY));
        BrowserScript.run("portal.test.mjs", Map.of(
                // 127.0.0.1, not localhost: the script counts requests to any other host as leaving the machine
                "baseUrl", "http://127.0.0.1:" + port,
                "tenant", seed.sta.tenant().slug(),
                "key", seed.sta.key(),
                "datastream", seed.waterLevel,
                "denseThing", seed.airStation), "portal browser test passed");
        try (Stream<Path> saved = Files.list(BrowserScript.SCREENSHOTS)) {
            assertThat(saved.filter(p -> p.getFileName().toString().startsWith("portal-"))).hasSize(6);
        }
    }
}
