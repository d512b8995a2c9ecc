package de.gemeinwerk.server.demo.lorawan;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoders against the device repository's codec examples (the module's copy of the shared test data): encoding
 * an example's {@code expected} values gives its {@code bytesHex}, and the decoded object is its {@code expected}.
 */
class SensorPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EXAMPLES = Path.of("../lorawan-ingestion/src/test/resources/testdata/lorawan/codec-examples");

    private static JsonNode example(String file) {
        return JSON.readTree(EXAMPLES.resolve(file).toFile()).get(0);
    }

    private static void assertMatches(SensorPayload payload, JsonNode example) {
        assertThat(payload.fPort()).isEqualTo(example.get("fPort").asInt());
        assertThat(HexFormat.of().formatHex(payload.bytes())).isEqualTo(example.get("bytesHex").asString());
        assertThat(JSON.valueToTree(payload.decoded()).toString()).isEqualTo(example.get("expected").toString());
    }

    @Test
    void em500UdlEncodesBatteryAndDistanceInMillimetres() {
        JsonNode example = example("milesight-iot-em500-udl.json");
        JsonNode expected = example.get("expected");
        assertMatches(new Em500UdlPayload(expected.get("battery").asInt(), expected.get("distance").asInt()), example);
    }

    @Test
    void em500SwlEncodesBatteryAndWaterLevel() {
        JsonNode example = example("milesight-iot-em500-swl.json");
        JsonNode expected = example.get("expected");
        assertMatches(new Em500SwlPayload(expected.get("battery").asInt(), expected.get("distance").asInt()), example);
    }

    @Test
    void laq4EncodesTheCo2ModeFrame() {
        JsonNode example = example("dragino-laq4.json");
        JsonNode expected = example.get("expected");
        assertMatches(new Laq4Payload((int) Math.round(expected.get("Bat_V").asDouble() * 1000),
                expected.get("Alarm_status").asString().equals("TRUE"), expected.get("TVOC_ppb").asInt(),
                expected.get("CO2_ppm").asInt(), (int) Math.round(expected.get("TempC_SHT").asDouble() * 10),
                (int) Math.round(expected.get("Hum_SHT").asDouble() * 10)), example);
    }

    @Test
    void laq4WritesNegativeTemperaturesAsTwosComplement() {
        byte[] bytes = new Laq4Payload(3300, false, 250, 420, -17, 955).bytes();
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0ce40400fa01a4ffef03bb");
        assertThat(new Laq4Payload(3300, false, 250, 420, -17, 955).decoded()).containsEntry("TempC_SHT", -1.7)
                .containsEntry("Alarm_status", "FALSE");
    }

    @Test
    void nps405EncodesTheParkingStatus() {
        JsonNode example = example("nwave-nps405.json");
        JsonNode expected = example.get("expected");
        assertMatches(Nps405ParkingStatus.after(expected.get("occupied").asBoolean(),
                Duration.ofMinutes(expected.get("previous_state_duration").asLong())), example);
    }

    @Test
    void nps405CompressesLongDurationsAsTheDecoderExpandsThem() {
        assertThat(Nps405ParkingStatus.after(false, Duration.ofMinutes(89)).decoded())
                .containsEntry("previous_state_duration", 89).containsEntry("previous_state_duration_error", 0);
        assertThat(Nps405ParkingStatus.after(false, Duration.ofMinutes(97)).decoded())
                .containsEntry("previous_state_duration", 95).containsEntry("previous_state_duration_error", 4);
        assertThat(Nps405ParkingStatus.after(true, Duration.ofMinutes(300)).decoded())
                .containsEntry("previous_state_duration", 300).containsEntry("previous_state_duration_error", 59);
        Nps405ParkingStatus overnight = Nps405ParkingStatus.after(true, Duration.ofHours(14));
        assertThat(overnight.bytes()).containsExactly((byte) 0xFF);
        assertThat(overnight.decoded()).containsEntry("previous_state_duration", 660)
                .containsEntry("previous_state_duration_error", null)
                .containsEntry("previous_state_duration_overflow", true);
    }

    @Test
    void valuesThatDoNotFitTheirFieldAreRefused() {
        assertThatThrownBy(() -> new Em500UdlPayload(101, 30).bytes()).hasMessageContaining("battery");
        assertThatThrownBy(() -> new Em500SwlPayload(90, 70_000).bytes()).hasMessageContaining("reading");
        assertThatThrownBy(() -> new Laq4Payload(3300, false, 0, 400, 200, 1001)).hasMessageContaining("humidity");
    }
}
