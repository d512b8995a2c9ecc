package de.gemeinwerk.server.demo.lorawan;

import de.gemeinwerk.lorawan.uplink.ChirpStackEvents;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.TheThingsStackMessages;
import de.gemeinwerk.lorawan.uplink.Uplink;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The bodies have the shape of the network servers' real messages (the test data's synthetic uplinks). */
class UplinkBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SAMPLES = Path.of("../lorawan-ingestion/src/test/resources/testdata/lorawan");
    private static final Laq4Payload LAQ4 = new Laq4Payload(3335, true, 18, 523, 251, 435);
    private static final SimulatedUplink UPLINK = new SimulatedUplink("A840415F310D0001", "Luft Rathaus", 2077,
            Instant.parse("2026-03-12T10:44:05.530117118Z"), LAQ4,
            new SimulatedUplink.Reception("AC1F09FFFE0A1B2C", -72, 9.8));

    /** Every field path of a JSON object, arrays' elements as {@code []}. */
    private static Set<String> paths(JsonNode node, String prefix, Set<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                into.add(prefix + "/" + e.getKey());
                paths(e.getValue(), prefix + "/" + e.getKey(), into);
            });
        } else if (node.isArray()) {
            node.forEach(element -> paths(element, prefix + "[]", into));
        }
        return into;
    }

    @Test
    void chirpStackBodiesHaveTheFieldsOfARealUpEvent() {
        JsonNode sample = JSON.readTree(SAMPLES.resolve("chirpstack-v4/up-laq4.json").toFile());
        JsonNode body = JSON.readTree(UplinkBodies.chirpStack(UPLINK, true));
        assertThat(paths(body, "", new TreeSet<>())).isEqualTo(paths(sample, "", new TreeSet<>()));
        assertThat(body.get("deviceInfo").get("devEui").asString()).isEqualTo("a840415f310d0001");
        assertThat(body.get("time").asString()).isEqualTo("2026-03-12T10:44:05.530117118+00:00");
        assertThat(body.get("data").asString()).isEqualTo(sample.get("data").asString());
        assertThat(body.get("object")).as("decoded numbers are doubles, as after google.protobuf.Struct")
                .isEqualTo(sample.get("object"));
        assertThat(body.get("fCnt").asLong()).isEqualTo(2077);
    }

    @Test
    void chirpStackBodiesWithoutObjectLeaveTheDecodingToGemeinwerk() {
        JsonNode body = JSON.readTree(UplinkBodies.chirpStack(UPLINK, false));
        assertThat(body.has("object")).isFalse();
        assertThat(Base64.getDecoder().decode(body.get("data").asString())).isEqualTo(LAQ4.bytes());
    }

    @Test
    void theThingsStackBodiesHaveTheFieldsOfARealUplinkMessage() {
        JsonNode sample = JSON.readTree(SAMPLES.resolve("tts-v3/uplink-laq4.json").toFile());
        JsonNode body = JSON.readTree(UplinkBodies.theThingsStack(UPLINK, true));
        assertThat(paths(sample, "", new TreeSet<>())).as("fields of the sample's that the simulation has no values for"
                        + " are left out, nothing is invented")
                .containsAll(paths(body, "", new TreeSet<>()));
        assertThat(body.get("end_device_ids").get("dev_eui").asString()).isEqualTo("A840415F310D0001");
        assertThat(body.get("correlation_ids").get(0).asString()).matches("as:up:[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(body.get("received_at").asString()).endsWith("Z");
        JsonNode up = body.get("uplink_message");
        assertThat(up.get("decoded_payload")).isEqualTo(sample.get("uplink_message").get("decoded_payload"));
        assertThat(up.get("frm_payload").asString()).isEqualTo(sample.get("uplink_message").get("frm_payload").asString());
        assertThat(up.get("consumed_airtime").asString()).isEqualTo(sample.get("uplink_message").get("consumed_airtime")
                .asString());
    }

    @Test
    void theThingsStackOmitsZeroValuesAndTheDecodedPayloadWhenNoFormatterRan() {
        SimulatedUplink first = new SimulatedUplink(UPLINK.devEui(), UPLINK.deviceName(), 0, UPLINK.time(), LAQ4,
                UPLINK.gateway());
        JsonNode up = JSON.readTree(UplinkBodies.theThingsStack(first, false)).get("uplink_message");
        assertThat(up.has("f_cnt")).isFalse();
        assertThat(up.has("decoded_payload")).isFalse();
        assertThat(up.get("rx_metadata").get(0).has("channel_index")).isFalse();
    }

    @Test
    void gemeinwerksParsersReadBothBodiesAsTheSameUplink() {
        for (boolean decoded : new boolean[] {true, false}) {
            Uplink chirpStack = (Uplink) ChirpStackEvents.parse("up",
                    UplinkBodies.chirpStack(UPLINK, decoded).getBytes(StandardCharsets.UTF_8));
            Uplink tts = (Uplink) TheThingsStackMessages.parse(
                    UplinkBodies.theThingsStack(UPLINK, decoded).getBytes(StandardCharsets.UTF_8));
            for (Uplink uplink : List.of(chirpStack, tts)) {
                assertThat(uplink.devEui()).isEqualTo("a840415f310d0001");
                assertThat(uplink.fCnt()).isEqualTo(2077);
                assertThat(uplink.fPort()).isEqualTo(2);
                assertThat(uplink.time()).isEqualTo(UPLINK.time());
                assertThat(uplink.payload()).isEqualTo(LAQ4.bytes());
                assertThat(uplink.receptions()).hasSize(1);
                assertThat(uplink.receptions().getFirst().rssi()).isEqualTo(-72);
                if (decoded) {
                    assertThat(uplink.decoded().get("CO2_ppm").asInt()).isEqualTo(523);
                    assertThat(uplink.decoded().get("TempC_SHT").asDouble()).isEqualTo(25.1);
                } else {
                    assertThat(uplink.decoded()).isNull();
                }
            }
            assertThat(chirpStack.networkServer()).isEqualTo(NetworkServer.CHIRPSTACK);
            assertThat(tts.networkServer()).isEqualTo(NetworkServer.THE_THINGS_STACK);
            assertThat(tts.deduplicationKey()).startsWith("as:up:");
        }
    }

    @Test
    void everyBodyIsANewMessage() {
        assertThat(JSON.readTree(UplinkBodies.chirpStack(UPLINK, true)).get("deduplicationId"))
                .isNotEqualTo(JSON.readTree(UplinkBodies.chirpStack(UPLINK, true)).get("deduplicationId"));
        assertThat(JSON.readTree(UplinkBodies.theThingsStack(UPLINK, true)).get("correlation_ids"))
                .isNotEqualTo(JSON.readTree(UplinkBodies.theThingsStack(UPLINK, true)).get("correlation_ids"));
    }
}
