package de.gemeinwerk.server.demo.lorawan;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.server.GemeinwerkApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with the demo on a fresh data dir: the fleet registers itself through the admin API, its
 * uplinks arrive through both webhooks as Observations of all four device types, and the stranger's in the
 * quarantine.
 */
@SpringBootTest(classes = GemeinwerkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true", "gemeinwerk.demo.lorawan.interval=1s",
                "gemeinwerk.mqtt.port=0"})
// closed after the class, not cached: its fleet would go on posting every second while other test classes run
@DirtiesContext
class DemoLorawanFleetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // a busy machine: the first uplinks create Things and Datastreams, and the decoders compile
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    int port;

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("gemeinwerk-lorawan-fleet");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("gemeinwerk.data-dir", DATA_DIR::toString);
    }

    private JsonNode get(String path, String key) {
        var response = new TestHttp(port).get(path, key);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long count(String collection, String filter) {
        return get("/musterstadt/v1.1/" + collection + "?$count=true&$top=1&$filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"), null).get("@iot.count").asLong();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", PATIENCE, what).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private String key() throws IOException {
        return Files.readString(DATA_DIR.resolve("demo-api-key")).trim();
    }

    @Test
    void uplinksOfAllFourDeviceTypesArriveThroughBothWebhooksAsObservations() throws InterruptedException {
        Map<String, Long> devicesPerType = Map.of(FleetDevice.WASTE, 3L, FleetDevice.WATER, 2L, FleetDevice.AIR, 2L,
                FleetDevice.PARKING, 4L);
        for (var type : devicesPerType.entrySet()) {
            await(type.getValue() + " Things of " + type.getKey(),
                    () -> count("Things", "properties/deviceType eq '" + type.getKey() + "'") == type.getValue());
            await("Observations of " + type.getKey(), () -> count("Observations",
                    "Datastream/Thing/properties/deviceType eq '" + type.getKey() + "'") > 0);
        }
        for (String networkServer : List.of("chirpstack", "the-things-stack")) {
            await("Observations through the " + networkServer + " webhook",
                    () -> count("Observations", "parameters/networkServer eq '" + networkServer + "'") > 0);
        }
    }

    @Test
    void theStrangersUplinksWaitInTheQuarantine() throws Exception {
        String key = key();
        await("the stranger in the quarantine", () -> {
            for (JsonNode entry : get("/musterstadt/admin/v1/lorawan/quarantine", key)) {
                if (entry.get("devEui").asString().equals("24e124713d0000ff")) {
                    assertThat(entry.get("uplinks").asInt()).isBetween(1, FleetRun.STRANGER_UPLINKS);
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    void aSecondRegistrationReusesTheWebhooksAndDevices() throws Exception {
        String key = key();
        await("the fleet's registration", () -> Files.exists(DATA_DIR.resolve(FleetSecrets.FILE))
                && get("/musterstadt/admin/v1/lorawan/devices", key).size() == FleetDevice.town().size());
        FleetSecrets secrets = new FleetSecrets(DATA_DIR);
        String chirpStackSecret = secrets.get("chirpstack.secret");
        Map<WebhookFormat, String> again = new FleetRun("http://127.0.0.1:" + port, "musterstadt", () -> key, secrets)
                .register();
        assertThat(again).containsEntry(WebhookFormat.CHIRPSTACK, chirpStackSecret);
        assertThat(get("/musterstadt/admin/v1/lorawan/webhooks", key)).hasSize(2);
        assertThat(get("/musterstadt/admin/v1/lorawan/devices", key)).hasSize(FleetDevice.town().size());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA_DIR.resolve(FleetSecrets.FILE))))
                .isEqualTo("rw-------");
    }
}
