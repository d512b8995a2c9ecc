package de.gemeinwerk.server;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.accounts.LocalLogin;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application as the README's first command starts it: embedded database and the demo town. */
@SpringBootTest(classes = GemeinwerkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gemeinwerk.database.embedded.temporary=true", "gemeinwerk.data-dir=target/demo-test-data",
                // exact counts of the demo's Things and Observations: without the LoRaWAN fleet's (DemoLorawanFleetTest)
                "gemeinwerk.demo.lorawan.enabled=false"})
class DemoMunicipalityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    LocalLogin localLogin;
    @Autowired
    Tenants tenants;

    private JsonNode get(String path) {
        var response = new TestHttp(port).get(path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theFirstStartCreatesTheDemoMunicipalityWithThingsAndDaysOfObservations() {
        assertThat(get("/musterstadt/v1.1/Things?$count=true").get("@iot.count").asLong()).isEqualTo(5);
        JsonNode datastreams = get("/musterstadt/v1.1/Datastreams?$count=true&$expand=Observations($top=1;$count=true)");
        assertThat(datastreams.get("@iot.count").asLong()).isEqualTo(6);
        for (JsonNode datastream : datastreams.get("value")) {
            assertThat(datastream.get("Observations@iot.count").asLong()).as("3 days every 15 minutes").isEqualTo(289);
            assertThat(datastream.get("phenomenonTime").asString()).contains("/");
        }
        assertThat(get("/musterstadt/v1.1/Locations?$count=true").get("@iot.count").asLong()).isEqualTo(5);
        assertThat(get("/musterstadt/v1.1/Observations?$count=true&$top=1").get("@iot.count").asLong()).isEqualTo(6 * 289);
    }

    @Test
    void theDemoKeyFileHoldsAWorkingAdminKey() throws IOException {
        String key = Files.readString(Path.of("target/demo-test-data/demo-api-key")).trim();
        var response = new TestHttp(port).sendJson("POST", "/musterstadt/v1.1/Sensors",
                "{\"name\":\"Neu\",\"description\":\"Test\",\"encodingType\":\"text/html\",\"metadata\":\"https://example.org\"}",
                key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void theDemoConsolePasswordFileSignsInToTheConsole() throws IOException {
        Path file = Path.of("target/demo-test-data/demo-console-password");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(file).trim();
        assertThat(localLogin.signIn(tenants.require("musterstadt"), "demo", password, "test"))
                .isInstanceOf(LocalLogin.Outcome.SignedIn.class);
        assertThat(new TestHttp(port).get("/musterstadt/verwaltung/", null).statusCode()).isEqualTo(303);
    }

    @Test
    void healthReportsTheDatabase() {
        JsonNode health = get("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").has("db")).isTrue();
    }
}
