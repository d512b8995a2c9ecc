package de.gemeinwerk.lorawan.uplink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static de.gemeinwerk.lorawan.uplink.Samples.assertBadRequest;
import static de.gemeinwerk.lorawan.uplink.Samples.assertRefused;
import static de.gemeinwerk.lorawan.uplink.Samples.bytes;
import static de.gemeinwerk.lorawan.uplink.Samples.codec;
import static de.gemeinwerk.lorawan.uplink.Samples.edited;
import static de.gemeinwerk.lorawan.uplink.Samples.hex;
import static de.gemeinwerk.lorawan.uplink.Samples.objectAt;
import static org.assertj.core.api.Assertions.assertThat;

class TheThingsStackMessagesTest {

    private static final String UDL = "tts-v3/uplink-em500-udl.json";

    private static Uplink uplink(byte[] body) {
        return (Uplink) TheThingsStackMessages.parse(body);
    }

    private static DeviceEvent event(String file) {
        return (DeviceEvent) TheThingsStackMessages.parse(bytes("tts-v3/" + file));
    }

    @Test
    void documentationUplink() {
        Uplink uplink = uplink(bytes("tts-v3/uplink.json"));
        assertThat(uplink.networkServer()).isEqualTo(NetworkServer.THE_THINGS_STACK);
        assertThat(uplink.devEui()).isEqualTo("0004a30b001c0530");
        assertThat(uplink.deviceName()).isEqualTo("dev1");
        assertThat(uplink.time()).isEqualTo(Instant.parse("2020-02-12T15:15:45.787Z"));
        assertThat(uplink.fCnt()).isEqualTo(1L);
        assertThat(uplink.fPort()).as("the documentation's example has no f_port").isNull();
        assertThat(hex(uplink.payload())).isEqualTo("8241de");
        assertThat(uplink.decoded().toString()).isEqualTo("{\"temperature\":1,\"luminosity\":0.64}");
        assertThat(uplink.deduplicationKey()).isEqualTo("as:up:01E0WZGT6Y7657CPFPE5WEYDSQ");
        assertThat(uplink.receptions()).containsExactly(new RadioReception("gtw1", -35, 5.0));
        assertThat(uplink.location()).isEqualTo(new UplinkLocation(37.97155556731436, 23.72678801175413, 10.0));
    }

    @Test
    void olderMqttUplinkTakesTheGatewayTime() {
        Uplink uplink = uplink(bytes("tts-v3/mqtt-uplink.json"));
        assertThat(uplink.devEui()).isEqualTo("4200000000000000");
        assertThat(uplink.time()).isEqualTo(Instant.parse("2019-01-29T13:02:34.981Z"));
        assertThat(uplink.fCnt()).as("TTS omits a frame counter of 0").isNull();
        assertThat(uplink.fPort()).isEqualTo(15);
        assertThat(new String(uplink.payload(), StandardCharsets.US_ASCII)).isEqualTo("Temperature = 0.0");
        assertThat(uplink.decoded()).isNull();
        assertThat(uplink.deduplicationKey()).isEqualTo("as:up:01D2CV8HNGJ57G25BW0FCZNY07");
        assertThat(uplink.receptions()).containsExactly(new RadioReception("eui-0242020000247803", -35, 5.0));
        assertThat(uplink.location()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"uplink-em500-udl, milesight-iot-em500-udl, 24e1247131000001, 1412, gs:uplink:01KKGHV8M64SWEBPFW35QK7QDT",
            "uplink-em500-swl, milesight-iot-em500-swl, 24e1247132000002, 388, ",
            "uplink-laq4, dragino-laq4, a840415f31000003, 2077, ",
            "uplink-nps405, nwave-nps405, 70b3d5e75e000004, 96, "})
    void uplinkOfEachSensorCarriesTheCodecExample(String file, String codecName, String devEui, long fCnt,
                                                  String deduplicationKey) {
        Uplink uplink = uplink(bytes("tts-v3/" + file + ".json"));
        JsonNode example = codec(codecName);
        assertThat(uplink.devEui()).isEqualTo(devEui);
        assertThat(uplink.fCnt()).isEqualTo(fCnt);
        assertThat(uplink.fPort()).isEqualTo(example.get("fPort").intValue());
        assertThat(hex(uplink.payload())).isEqualTo(example.get("bytesHex").stringValue());
        assertThat(uplink.decoded()).isEqualTo(example.get("expected"));
        assertThat(uplink.deduplicationKey()).startsWith("gs:uplink:");
        if (deduplicationKey != null) {
            assertThat(uplink.deduplicationKey()).isEqualTo(deduplicationKey);
        }
    }

    @Test
    void rawUplinkHasNoDecodedPayload() {
        Uplink raw = uplink(bytes("tts-v3/uplink-em500-udl-raw.json"));
        assertThat(raw.decoded()).isNull();
        assertThat(raw.fCnt()).isEqualTo(1413L);
        assertThat(hex(raw.payload())).isEqualTo("01756403821e00");
        assertThat(raw.time()).isEqualTo(Instant.parse("2026-03-12T08:25:41.839349742Z"));
        assertThat(raw.receptions()).containsExactly(new RadioReception("eui-ac1f09fffe0a1b2c", -87, 7.5));
    }

    @Test
    void sameUplinkReadsTheSameFromBothNetworkServers() {
        Uplink tts = uplink(bytes(UDL));
        Uplink chirpStack = (Uplink) ChirpStackEvents.parse("up", bytes("chirpstack-v4/up-em500-udl.json"));
        assertThat(tts.devEui()).isEqualTo(chirpStack.devEui());
        assertThat(tts.time()).isEqualTo(chirpStack.time());
        assertThat(tts.fCnt()).isEqualTo(chirpStack.fCnt());
        assertThat(tts.payload()).isEqualTo(chirpStack.payload());
        assertThat(tts.decoded()).isEqualTo(chirpStack.decoded());
    }

    @Test
    void timeFallsBackToNetworkServerThenApplicationServerReceipt() {
        assertThat(uplink(edited(UDL, root -> objectAt(root, "/uplink_message/settings").remove("time")))
                .time()).isEqualTo(Instant.parse("2026-03-12T08:15:41.702349811Z"));
        assertThat(uplink(edited(UDL, root -> {
            objectAt(root, "/uplink_message/settings").remove("time");
            objectAt(root, "/uplink_message/rx_metadata/0").remove("time");
        })).time()).isEqualTo(Instant.parse("2026-03-12T08:15:41.795340399Z"));
        assertThat(uplink(edited(UDL, root -> {
            objectAt(root, "/uplink_message/settings").remove("time");
            objectAt(root, "/uplink_message/rx_metadata/0").remove("time");
            objectAt(root, "/uplink_message").remove("received_at");
        })).time()).isEqualTo(Instant.parse("2026-03-12T08:15:42.020801311Z"));
        assertBadRequest(() -> uplink(edited(UDL, root -> {
            objectAt(root, "/uplink_message/settings").remove("time");
            objectAt(root, "/uplink_message/rx_metadata/0").remove("time");
            objectAt(root, "/uplink_message").remove("received_at");
            root.remove("received_at");
        })), "/uplink_message/received_at", "no time");
    }

    @Test
    void deduplicationKeyWithoutCorrelationIds() {
        assertThat(uplink(edited(UDL, root -> root.remove("correlation_ids"))).deduplicationKey())
                .isEqualTo("24e1247131000001:1412:2026-03-12T08:15:41.702349811Z");
        assertThat(uplink(edited("tts-v3/mqtt-uplink.json", root -> root.putArray("correlation_ids")))
                .deduplicationKey()).isEqualTo("4200000000000000:0:2019-01-29T13:02:34.981Z");
    }

    @Test
    void joinAndDownlinkMessagesAreRecognised() {
        assertThat(event("join.json")).isEqualTo(new DeviceEvent(NetworkServer.THE_THINGS_STACK, "join-accept",
                "0004a30b001c0530", "dev1", null, null, null));
        assertThat(event("mqtt-join.json")).isEqualTo(new DeviceEvent(NetworkServer.THE_THINGS_STACK,
                "join-accept", "4200000000000000", "dev1", null, null, null));
        assertThat(event("downlink-ack.json")).isEqualTo(new DeviceEvent(NetworkServer.THE_THINGS_STACK,
                "downlink-ack", "0004a30b001c0530", "dev1", null, null, null));
        assertThat(event("downlink-failed.json")).as("names the device by id only").isEqualTo(new DeviceEvent(
                NetworkServer.THE_THINGS_STACK, "downlink-failed", null, "dev1", null, null, null));
    }

    @Test
    void locationSolvedKeepsThePosition() {
        byte[] body = ("{\"end_device_ids\":{\"device_id\":\"dev1\",\"dev_eui\":\"0004A30B001C0530\"},"
                + "\"location_solved\":{\"service\":\"lora-cloud-device-management-v1-gnss\","
                + "\"location\":{\"latitude\":51.298,\"longitude\":9.494,\"source\":\"SOURCE_GPS\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        DeviceEvent event = (DeviceEvent) TheThingsStackMessages.parse(body);
        assertThat(event.type()).isEqualTo("location-solved");
        assertThat(event.location()).isEqualTo(new UplinkLocation(51.298, 9.494, null));
    }

    @Test
    void downlinkPushIsWhatTheApplicationSendsNotWhatItReceives() {
        assertBadRequest(() -> TheThingsStackMessages.parse(bytes("tts-v3/downlink-push.json")), "/",
                "expected one of the fields uplink_message, join_accept");
    }

    @Test
    void bodyWithoutAnyMessageField() {
        // uplink-webhook-2025.json holds {"test": "value"}, not the capture its README describes
        assertBadRequest(() -> TheThingsStackMessages.parse(bytes("tts-v3/uplink-webhook-2025.json")), "/",
                "Not a message The Things Stack sends");
    }

    @Test
    void webhookThatFiltersOutTheDeviceIds() {
        assertBadRequest(() -> TheThingsStackMessages.parse(bytes("tts-v3/webhook-filtered-uplink.json")),
                "/end_device_ids", "must not filter out end_device_ids");
    }

    @Test
    void uplinkOfADeviceWithoutDevEui() {
        assertBadRequest(() -> uplink(edited(UDL, root -> objectAt(root, "/end_device_ids").remove("dev_eui"))),
                "/end_device_ids/dev_eui", "has no DevEUI");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/end_device_ids                   | \"dev1\"          | must be a JSON object",
            "/end_device_ids/dev_eui           | \"24E124713100000G\" | 16 hex digits",
            "/end_device_ids/device_id         | 1                 | must be a string",
            "/correlation_ids/0                | 1                 | must be a string",
            "/correlation_ids                  | \"as:up:1\"       | must be a JSON array",
            "/uplink_message                   | []                | must be a JSON object",
            "/uplink_message/frm_payload       | \"AXVkA4Ie AA==\" | not valid base64",
            "/uplink_message/f_cnt             | -1                | between 0 and 4294967295",
            "/uplink_message/f_port            | \"85\"            | whole number",
            "/uplink_message/decoded_payload   | \"battery\"       | must be a JSON object",
            "/uplink_message/settings/time     | \"12.03.2026\"    | RFC 3339",
            "/uplink_message/rx_metadata/0/rssi | true             | must be a number",
            "/uplink_message/rx_metadata       | 1                 | must be a JSON array",
            "/uplink_message/rx_metadata/0/snr | \"7.5\"           | must be a number",
            "/uplink_message/rx_metadata/0/gateway_ids/gateway_id | [] | must be a string"})
    void malformedUplink(String where, String json, String detail) {
        assertRefused(TheThingsStackMessagesTest::uplink, UDL, where, json, detail);
    }

    @Test
    void malformedLocation() {
        assertRefused(TheThingsStackMessagesTest::uplink, "tts-v3/uplink.json",
                "/uplink_message/locations/user/longitude", "181", "between -180.0 and 180.0");
    }
}
