package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.RadioReception;
import de.gemeinwerk.lorawan.uplink.Uplink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Uplinks handed to the {@link UplinkSink} as every receiver does, and what they become in SensorThings. */
class UplinkIngestTest extends LorawanTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2026-03-12T08:15:41.702349Z");

    @Autowired
    UplinkSink sink;
    @Autowired
    DeviceRoutes routes;

    private LorawanClient client;

    @BeforeEach
    void tenant() {
        client = newTenant("ingest");
    }

    @Test
    void firstUplinkCreatesThingLocationDatastreamsThenObservations() {
        client.register("24e1247131000001", "Füllstand Bahnhof", "milesight-em500-udl");

        assertThat(submit(uplink("24e1247131000001", "k1", T0, "{\"battery\":100.0,\"distance\":30.0}")))
                .isEqualTo(IngestOutcome.STORED);

        JsonNode thing = client.sta().get("Things?$expand=Locations,Datastreams($orderby=name;"
                + "$expand=ObservedProperty,Sensor,Observations)").get("value").get(0);
        assertThat(thing.get("name").asString()).isEqualTo("Füllstand Bahnhof");
        assertThat(thing.get("properties")).isEqualTo(
                LorawanClient.json("{\"devEui\":\"24e1247131000001\",\"deviceType\":\"milesight-em500-udl\"}"));
        assertThat(thing.get("Locations").get(0).get("location").toString())
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.494,51.298]}");
        JsonNode datastreams = thing.get("Datastreams");
        assertThat(datastreams).hasSize(2);
        JsonNode distance = datastreams.get(0);
        assertThat(distance.get("name").asString()).isEqualTo("Abstand – Füllstand Bahnhof");
        assertThat(distance.get("unitOfMeasurement").get("symbol").asString()).isEqualTo("mm");
        assertThat(distance.get("ObservedProperty").get("definition").asString())
                .isEqualTo("http://qudt.org/vocab/quantitykind/Distance");
        assertThat(distance.get("Sensor").get("name").asString()).isEqualTo("Milesight EM500-UDL");
        JsonNode observation = distance.get("Observations").get(0);
        assertThat(observation.get("result").asDouble()).isEqualTo(30.0);
        assertThat(observation.get("phenomenonTime").asString()).isEqualTo("2026-03-12T08:15:41.702349Z");
        assertThat(observation.get("resultTime").asString()).isEqualTo("2026-03-12T08:15:41.702349Z");
        assertThat(observation.get("parameters")).isEqualTo(LorawanClient.json("{\"devEui\":\"24e1247131000001\","
                + "\"fCnt\":7,\"fPort\":85,\"networkServer\":\"chirpstack\","
                + "\"gateways\":[{\"id\":\"ac1f09fffe0a1b2c\",\"rssi\":-87,\"snr\":7.5}]}"));
        assertThat(datastreams.get(1).get("unitOfMeasurement").get("symbol").asString()).isEqualTo("%");
        assertThat(datastreams.get(1).get("Observations").get(0).get("result").asDouble()).isEqualTo(100.0);
    }

    @Test
    void theSameUplinkTwiceIsADuplicateAndStoredOnce() {
        client.register("24e1247131000002", "Füllstand Markt", "milesight-em500-udl");
        Uplink uplink = uplink("24e1247131000002", "same", T0, "{\"battery\":90,\"distance\":12}");

        assertThat(submit(uplink)).isEqualTo(IngestOutcome.STORED);
        assertThat(submit(uplink)).isEqualTo(IngestOutcome.DUPLICATE);

        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentFirstUplinksOfADeviceCreateItsEntitiesOnce() {
        client.register("24e1247131000003", "Füllstand Schule", "milesight-em500-udl");
        List<CompletableFuture<IngestOutcome>> outcomes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Uplink uplink = uplink("24e1247131000003", "c" + i, T0.plusSeconds(i), "{\"battery\":80,\"distance\":" + i + "}");
            CompletableFuture<IngestOutcome> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            threads.add(Thread.ofVirtual().start(() -> outcome.complete(submit(uplink))));
        }
        assertThat(outcomes.stream().map(CompletableFuture::join)).containsOnly(IngestOutcome.STORED);

        assertThat(client.sta().get("Things").get("value")).hasSize(1);
        assertThat(client.sta().get("Datastreams").get("value")).hasSize(2);
        assertThat(client.sta().get("Sensors").get("value")).hasSize(1);
        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt()).isEqualTo(16);
    }

    @Test
    void devicesOfOneTypeShareSensorAndObservedProperties() {
        client.register("24e1247131000004", "A", "milesight-em500-udl");
        client.register("24e1247131000005", "B", "milesight-em500-udl");
        submit(uplink("24e1247131000004", "a", T0, "{\"battery\":1,\"distance\":2}"));
        submit(uplink("24e1247131000005", "b", T0, "{\"battery\":1,\"distance\":2}"));

        assertThat(client.sta().get("Things").get("value")).hasSize(2);
        assertThat(client.sta().get("Datastreams").get("value")).hasSize(4);
        assertThat(client.sta().get("Sensors").get("value")).hasSize(1);
        assertThat(client.sta().get("ObservedProperties").get("value")).hasSize(2);
    }

    @Test
    void aDeviceWhoseThingWasDeletedGetsANewOneAtItsNextUplink() {
        client.register("24e1247131000009", "Neu angelegt", "milesight-em500-udl");
        submit(uplink("24e1247131000009", "before", T0, "{\"battery\":1,\"distance\":2}"));
        long thing = client.sta().get("Things").get("value").get(0).get("@iot.id").asLong();
        assertThat(client.sta().send("DELETE", "Things(" + thing + ")", null).statusCode()).isEqualTo(200);
        routes.invalidateAll(); // what the cache's expiry does within seconds

        assertThat(submit(uplink("24e1247131000009", "after", T0.plusSeconds(60), "{\"battery\":3,\"distance\":4}")))
                .isEqualTo(IngestOutcome.STORED);

        JsonNode things = client.sta().get("Things?$expand=Datastreams/Observations");
        assertThat(things.get("value")).hasSize(1);
        assertThat(things.get("value").get(0).get("@iot.id").asLong()).isNotEqualTo(thing);
        assertThat(client.admin("GET", "/devices/24e1247131000009", null, 200).get("thing").asLong())
                .isEqualTo(things.get("value").get(0).get("@iot.id").asLong());
        assertThat(client.sta().get("Observations").get("value")).hasSize(2);
    }

    @Test
    void aMissingFieldGivesNoObservation() {
        client.register("24e1247131000006", "Nur Batterie", "milesight-em500-udl");

        assertThat(submit(uplink("24e1247131000006", "m", T0, "{\"battery\":55}"))).isEqualTo(IngestOutcome.STORED);

        assertThat(LorawanClient.values(client.sta().get("Observations?$expand=Datastream"), "result"))
                .containsExactly("55");
    }

    @Test
    void anUnknownDevicesUplinkIsQuarantined() {
        assertThat(submit(uplink("24e1247131000007", "u", T0, "{\"battery\":1}"))).isEqualTo(IngestOutcome.QUARANTINED);

        JsonNode kept = client.admin("GET", "/quarantine", null, 200);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("devEui").asString()).isEqualTo("24e1247131000007");
        assertThat(kept.get(0).get("networkServer").asString()).isEqualTo("chirpstack");
        assertThat(kept.get(0).get("uplinks").asInt()).isEqualTo(1);
        assertThat(kept.get(0).get("reason").isNull()).isTrue();
        assertThat(client.sta().get("Things").get("value")).isEmpty();
    }

    @Test
    void aDeviceWithoutAnyLocationKeepsItsUplinksWithTheReasonUntilReplayed() {
        long type = client.builtInType("milesight-em500-udl");
        client.admin("POST", "/devices", "{\"devEui\":\"24E1247131000008\",\"name\":\"Ohne Ort\",\"deviceType\":"
                + type + "}", 201);

        assertThat(submit(uplink("24e1247131000008", "n", T0, "{\"battery\":3,\"distance\":4}")))
                .isEqualTo(IngestOutcome.QUARANTINED);
        assertThat(client.admin("GET", "/quarantine", null, 200).get(0).get("reason").asString())
                .contains("has no location");

        client.admin("PUT", "/devices/24e1247131000008", "{\"name\":\"Ohne Ort\",\"deviceType\":" + type
                + ",\"location\":{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}}", 200);
        JsonNode replayed = client.admin("POST", "/quarantine/24e1247131000008/replay", null, 200);

        assertThat(replayed.get("observations").asInt()).isEqualTo(2);
        assertThat(client.admin("GET", "/quarantine", null, 200)).isEmpty();
        assertThat(client.sta().get("Observations").get("value")).hasSize(2);
    }

    private IngestOutcome submit(Uplink uplink) {
        return sink.submit(client.sta().tenant().id(), uplink).join();
    }

    static Uplink uplink(String devEui, String key, Instant time, String decoded) {
        return new Uplink(NetworkServer.CHIRPSTACK, devEui, "dev-" + devEui, time, 7L, 85, new byte[] {1, 2},
                (ObjectNode) JSON.readTree(decoded), key, List.of(new RadioReception("ac1f09fffe0a1b2c", -87, 7.5)),
                null);
    }
}
