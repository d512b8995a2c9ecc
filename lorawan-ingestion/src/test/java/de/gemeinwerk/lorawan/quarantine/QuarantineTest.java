package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.Uplink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Uplinks of unknown devices kept, adopted into Observations in time order, or discarded; per tenant. */
class QuarantineTest extends LorawanTestBase {

    private static final Instant T0 = Instant.parse("2026-03-12T10:00:00Z");

    @Autowired
    UplinkSink sink;

    private LorawanClient client;

    @BeforeEach
    void tenant() {
        client = newTenant("quarantine");
    }

    @Test
    void adoptingRegistersTheDeviceAndTurnsItsKeptUplinksIntoObservationsInTimeOrder() {
        // arriving out of order: adoption replays them by uplink time
        keep("a840415f31000003", "2", T0.plusSeconds(600), 600);
        keep("a840415f31000003", "1", T0, 500);
        keep("a840415f31000003", "3", T0.plusSeconds(1200), 700);
        JsonNode kept = client.admin("GET", "/quarantine", null, 200).get(0);
        assertThat(kept.get("uplinks").asInt()).isEqualTo(3);
        assertThat(kept.get("firstSeen").asString()).startsWith("2026-03-12T10:00");
        assertThat(kept.get("lastSeen").asString()).startsWith("2026-03-12T10:20");
        assertThat(kept.get("deviceName").asString()).isEqualTo("eui-a840415f31000003");

        JsonNode adopted = client.admin("POST", "/quarantine/A840415F31000003/adopt", "{\"name\":\"Luft Rathaus\","
                + "\"deviceType\":" + client.builtInType("dragino-laq4")
                + ",\"location\":{\"type\":\"Point\",\"coordinates\":[9.49,51.3]}}", 200);

        assertThat(adopted.get("observations").asInt()).isEqualTo(3);
        assertThat(adopted.get("device").get("devEui").asString()).isEqualTo("a840415f31000003");
        assertThat(adopted.get("device").get("thing").isNull()).isFalse();
        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
        JsonNode observations = client.sta().get("Observations?$orderby=id");
        assertThat(LorawanClient.values(observations, "result")).containsExactly("500", "600", "700");
        assertThat(LorawanClient.values(observations, "phenomenonTime")).containsExactly("2026-03-12T10:00:00Z",
                "2026-03-12T10:10:00Z", "2026-03-12T10:20:00Z");
        // from now on the device's uplinks are stored directly
        assertThat(submit("a840415f31000003", "4", T0.plusSeconds(1800), 800)).isEqualTo(IngestOutcome.STORED);
    }

    @Test
    void discardingForgetsTheKeptUplinks() {
        keep("a840415f31000004", "1", T0, 1);

        client.admin("DELETE", "/quarantine/a840415f31000004", null, 204);

        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
        assertThat(client.admin("DELETE", "/quarantine/a840415f31000004", null).statusCode()).isEqualTo(404);
        assertThat(client.admin("POST", "/quarantine/a840415f31000004/adopt", "{\"name\":\"x\",\"deviceType\":"
                + client.builtInType("dragino-laq4") + "}").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherTenantSeesNothingOfTheQuarantine() {
        keep("a840415f31000005", "1", T0, 1);
        LorawanClient other = newTenant("quarantine-other");

        assertThat(other.admin("GET", "/quarantine", null, 200)).isEmpty();
        assertThat(other.admin("DELETE", "/quarantine/a840415f31000005", null).statusCode()).isEqualTo(404);
        assertThat(other.admin("POST", "/quarantine/a840415f31000005/adopt", "{\"name\":\"x\",\"deviceType\":"
                + other.builtInType("dragino-laq4") + "}").statusCode()).isEqualTo(404);
        assertThat(client.admin("GET", "/quarantine", null, 200)).hasSize(1);
    }

    @Test
    void adoptionWithAnotherDevEuiInTheBodyOrOfARegisteredDeviceIsRefused() {
        keep("a840415f31000006", "1", T0, 1);
        long type = client.builtInType("dragino-laq4");

        assertThat(client.admin("POST", "/quarantine/a840415f31000006/adopt", "{\"devEui\":\"a840415f31000007\","
                + "\"name\":\"x\",\"deviceType\":" + type + "}").statusCode()).isEqualTo(400);
        client.register("a840415f31000006", "schon da", "dragino-laq4");
        assertThat(client.admin("POST", "/quarantine/a840415f31000006/adopt", "{\"name\":\"x\",\"deviceType\":"
                + type + "}").statusCode()).isEqualTo(409);
        assertThat(client.admin("GET", "/quarantine", null, 200)).hasSize(1);
    }

    private void keep(String devEui, String key, Instant time, int co2) {
        assertThat(submit(devEui, key, time, co2)).isEqualTo(IngestOutcome.QUARANTINED);
    }

    private IngestOutcome submit(String devEui, String key, Instant time, int co2) {
        ObjectNode decoded = (ObjectNode) LorawanClient.json("{\"CO2_ppm\":" + co2 + "}");
        Uplink uplink = new Uplink(NetworkServer.THE_THINGS_STACK, devEui, "eui-" + devEui, time, 1L, 2, new byte[] {13},
                decoded, key, List.of(), null);
        return sink.submit(client.sta().tenant().id(), uplink).join();
    }
}
