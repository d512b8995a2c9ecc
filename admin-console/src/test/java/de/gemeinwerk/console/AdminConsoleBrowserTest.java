package de.gemeinwerk.console;

import de.gemeinwerk.platform.BrowserScript;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's path in a real browser: {@code browser-tests/admin-console.test.mjs} (and the {@code admin-steps-*.mjs}
 * of other packages) against this application with a seeded municipality and a staff account. Screenshots
 * ({@code admin-*.png}) go to {@code target/screenshots}; {@code -Dgemeinwerk.screenshots=$PWD/docs/screenshots}
 * renews the README's.
 */
class AdminConsoleBrowserTest extends ConsoleTestBase {

    @Test
    void adminsPathIsAccessibleAndWorks() throws IOException, InterruptedException {
        StaClient sta = tenantWithAccount("browser");
        tenants.update(sta.tenant().slug(), "Gemeinde Musterdorf", null);
        long thing = sta.create("Things", """
                {"name": "Pegel Mühlbach", "description": "Wasserstand am Mühlbach",
                 "Locations": [{"name": "Mühlbach", "description": "Brücke", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [9.5031, 51.3012]}}]}""");
        long datastream = sta.create("Things(" + thing + ")/Datastreams", """
                {"name": "Wasserstand Mühlbach", "description": "Radarpegel",
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "https://ucum.org/ucum#cm"},
                 "Sensor": {"name": "Radarpegel", "description": "RP-30", "encodingType": "text/html",
                            "metadata": "https://example.org"},
                 "ObservedProperty": {"name": "Wasserstand", "definition": "https://example.org/wasserstand",
                                      "description": "Wasserstand"}}""");
        BrowserScript.run("admin-console.test.mjs", Map.of(
                // 127.0.0.1, not localhost: the script counts requests to any other host as leaving the machine
                "baseUrl", "http://127.0.0.1:" + port,
                "tenant", sta.tenant().slug(),
                "key", sta.key(),
                "login", "admin",
                "password", PASSWORD,
                "datastream", datastream), "admin console browser test passed");
        try (Stream<Path> saved = Files.list(BrowserScript.SCREENSHOTS)) {
            assertThat(saved.filter(p -> p.getFileName().toString().startsWith("admin-")).count()).isGreaterThanOrEqualTo(4);
        }
    }
}
