package de.gemeinwerk.lorawan.uplink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static de.gemeinwerk.lorawan.uplink.Samples.assertBadRequest;
import static de.gemeinwerk.lorawan.uplink.Samples.assertRefused;
import static de.gemeinwerk.lorawan.uplink.Samples.bytes;
import static de.gemeinwerk.lorawan.uplink.Samples.codec;
import static de.gemeinwerk.lorawan.uplink.Samples.edited;
import static de.gemeinwerk.lorawan.uplink.Samples.hex;
import static de.gemeinwerk.lorawan.uplink.Samples.objectAt;
import static org.assertj.core.api.Assertions.assertThat;

class ChirpStackEventsTest {

    private static final String UDL = "chirpstack-v4/up-em500-udl.json";

    private static Uplink up(byte[] body) {
        return (Uplink) ChirpStackEvents.parse("up", body);
    }

    private static DeviceEvent event(String event) {
        return (DeviceEvent) ChirpStackEvents.parse(event, bytes("chirpstack-v4/" + event + ".json"));
    }

    @Test
    void upWithDecodedObject() {
        Uplink uplink = up(bytes(UDL));
        assertThat(uplink.networkServer()).isEqualTo(NetworkServer.CHIRPSTACK);
        assertThat(uplink.devEui()).isEqualTo("24e1247131000001");
        assertThat(uplink.deviceName()).isEqualTo("em500-udl-0001");
        assertThat(uplink.time()).isEqualTo(Instant.parse("2026-03-12T08:15:41.702349811Z"));
        assertThat(uplink.fCnt()).isEqualTo(1412L);
        assertThat(uplink.fPort()).isEqualTo(85);
        assertThat(uplink.deduplicationKey()).isEqualTo("9fae02c1-dab8-43fd-8642-ae193f0fc6a1");
        assertThat(uplink.receptions()).containsExactly(new RadioReception("ac1f09fffe0a1b2c", -87, 7.5));
        assertThat(uplink.location()).isNull();
        // ChirpStack wrote 100.0 (protobuf Struct f64): the result must read 100, as the decoder meant it
        assertThat(uplink.decoded().toString()).isEqualTo("{\"battery\":100,\"distance\":30}");
    }

    @ParameterizedTest
    @CsvSource({"up-em500-udl, milesight-iot-em500-udl, 24e1247131000001, 1412",
            "up-em500-swl, milesight-iot-em500-swl, 24e1247132000002, 388",
            "up-laq4, dragino-laq4, a840415f31000003, 2077",
            "up-nps405, nwave-nps405, 70b3d5e75e000004, 96"})
    void upOfEachSensorCarriesTheCodecExample(String file, String codecName, String devEui, long fCnt) {
        Uplink uplink = up(bytes("chirpstack-v4/" + file + ".json"));
        JsonNode example = codec(codecName);
        assertThat(uplink.devEui()).isEqualTo(devEui);
        assertThat(uplink.fCnt()).isEqualTo(fCnt);
        assertThat(uplink.fPort()).isEqualTo(example.get("fPort").intValue());
        assertThat(hex(uplink.payload())).isEqualTo(example.get("bytesHex").stringValue());
        assertThat(uplink.decoded()).isEqualTo(example.get("expected"));
    }

    @Test
    void rawUpHasNoDecodedObject() {
        Uplink raw = up(bytes("chirpstack-v4/up-em500-udl-raw.json"));
        assertThat(raw.decoded()).isNull();
        assertThat(raw.devEui()).isEqualTo(up(bytes(UDL)).devEui());
        assertThat(raw.fCnt()).isEqualTo(1413L);
        assertThat(hex(raw.payload())).isEqualTo("01756403821e00");
        assertThat(raw.time()).isEqualTo(Instant.parse("2026-03-12T08:25:41.839349742Z"));
        assertThat(raw.deduplicationKey()).isEqualTo("6efa67af-5d8b-4c79-a182-cbdbd70c3a85");
    }

    @Test
    void documentationUpWithoutFrameCounter() {
        Uplink uplink = up(bytes("chirpstack-v4/up.json"));
        assertThat(uplink.devEui()).isEqualTo("0101010101010101");
        assertThat(uplink.deviceName()).isEqualTo("Test device");
        assertThat(uplink.fCnt()).isNull();
        assertThat(uplink.fPort()).isEqualTo(1);
        assertThat(hex(uplink.payload())).isEqualTo("aa");
        assertThat(uplink.decoded()).isNull();
        assertThat(uplink.time()).isEqualTo(Instant.parse("2022-07-18T09:34:15.775023242Z"));
        assertThat(uplink.deduplicationKey()).isEqualTo("3ac7e3c4-4401-4b8d-9386-a5c902f9202d");
        assertThat(uplink.receptions()).containsExactly(new RadioReception("0016c001f153a14c", -36, 10.5));
    }

    @Test
    void timeFallsBackToGatewayThenNetworkServerTime() {
        assertThat(up(edited(UDL, root -> {
            root.remove("time");
            objectAt(root, "/rxInfo/0").put("gwTime", "2026-03-12T08:15:41.5+00:00");
        })).time()).isEqualTo(Instant.parse("2026-03-12T08:15:41.5Z"));
        assertThat(up(edited(UDL, root -> {
            root.remove("time");
            objectAt(root, "/rxInfo/0").remove("gwTime");
        })).time()).isEqualTo(Instant.parse("2026-03-12T08:15:41.749091015Z"));
        assertBadRequest(() -> up(edited(UDL, root -> {
            root.remove("time");
            objectAt(root, "/rxInfo/0").remove("gwTime");
            objectAt(root, "/rxInfo/0").remove("nsTime");
        })), "/time", "no time");
    }

    @Test
    void joinAckTxackAndLogAreRecognised() {
        for (String name : new String[] {"join", "ack", "txack", "log"}) {
            assertThat(event(name)).isEqualTo(new DeviceEvent(NetworkServer.CHIRPSTACK, name, "0101010101010101",
                    "Test device", null, null, null));
        }
    }

    @Test
    void statusKeepsBatteryAndMargin() {
        assertThat(event("status")).isEqualTo(new DeviceEvent(NetworkServer.CHIRPSTACK, "status",
                "0101010101010101", "Test device", null, 88.3, 10));
    }

    @Test
    void locationKeepsThePosition() {
        assertThat(event("location").location()).isEqualTo(new UplinkLocation(37.344214, -8.839375, 2.0));
    }

    @Test
    void integrationEventIsNotOneChirpStackPosts() {
        assertBadRequest(() -> ChirpStackEvents.parse("integration", bytes("chirpstack-v4/integration.json")),
                "event", "expected one of up, join, status, ack, txack, log, location");
        assertBadRequest(() -> ChirpStackEvents.parse(null, bytes(UDL)), "event", "Unknown ChirpStack event");
        assertBadRequest(() -> ChirpStackEvents.parse("UP", bytes(UDL)), "event", "'UP'");
    }

    @Test
    void bodyThatIsNotAJsonObject() {
        assertBadRequest(() -> up(new byte[0]), "body", "empty");
        assertBadRequest(() -> up("{\"time\": ".getBytes()), "body at line 1, column 10", "Malformed JSON");
        assertBadRequest(() -> up("[1]".getBytes()), "/", "must be a JSON object");
        assertBadRequest(() -> up("{} {}".getBytes()), "body: /", "line 1, column 4");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/deviceInfo/devEui | \"24e12471310000\"       | 16 hex digits",
            "/deviceInfo/devEui | \"24-e1-24-71-31-00-00\" | 16 hex digits",
            "/deviceInfo/devEui | 2412                   | must be a string",
            "/deviceInfo        | \"x\"                  | must be a JSON object",
            "/deduplicationId   | null                   | is missing",
            "/time              | \"yesterday\"          | RFC 3339",
            "/time              | \"2026-03-12T08:15:41\" | RFC 3339",
            "/fCnt              | -1                     | between 0 and 4294967295",
            "/fCnt              | 4294967296             | between 0 and 4294967295",
            "/fCnt              | \"12\"                 | whole number",
            "/fCnt              | 1.5                    | whole number",
            "/fPort             | 256                    | between 0 and 255",
            "/data              | \"AXVk!A4IeAA==\"      | not valid base64",
            "/data              | 17                     | must be a string",
            "/object            | [1]                    | must be a JSON object",
            "/rxInfo            | {}                     | must be a JSON array",
            "/rxInfo/0/rssi     | \"-87\"                | must be a number",
            "/rxInfo/0/gatewayId | 7                     | must be a string",
            "/rxInfo/0/snr      | true                   | must be a number"})
    void malformedUp(String where, String json, String detail) {
        assertRefused(ChirpStackEventsTest::up, UDL, where, json, detail);
    }

    @Test
    void malformedLocation() {
        assertRefused(body -> ChirpStackEvents.parse("location", body), "chirpstack-v4/location.json",
                "/location/latitude", "95", "between -90.0 and 90.0");
        assertBadRequest(() -> ChirpStackEvents.parse("location", edited("chirpstack-v4/location.json",
                root -> root.remove("location"))), "/location", "is missing");
    }
}
