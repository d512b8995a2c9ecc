package de.gemeinwerk.server.demo.lorawan;

import de.gemeinwerk.lorawan.decoder.BuiltInDecoders;
import de.gemeinwerk.lorawan.decoder.DecoderSandbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gemeinwerk's own decoders of the four built-in device types (run in their sandbox) read what the fleet's encoders
 * write as the network servers' decoders would: the same fields with the same values, across each field's range.
 */
class ShippedDecodersReadTheFleetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DecoderSandbox SANDBOX = new DecoderSandbox();

    private static void assertDecodedAlike(String deviceType, SensorPayload payload) {
        JsonNode decoded = SANDBOX.decode(BuiltInDecoders.source(deviceType).orElseThrow(), payload.bytes(),
                payload.fPort(), Instant.now()).data();
        for (Map.Entry<String, Object> field : payload.decoded().entrySet()) {
            JsonNode value = decoded.get(field.getKey());
            String what = deviceType + " " + payload + ": " + field.getKey() + " in " + decoded;
            assertThat(value).as(what).isNotNull();
            switch (field.getValue()) {
                case null -> assertThat(value.isNull()).as(what).isTrue();
                case Number number -> assertThat(value.asDouble()).as(what).isEqualTo(number.doubleValue());
                case Boolean flag -> assertThat(value.asBoolean()).as(what).isEqualTo(flag);
                default -> assertThat(value.asString()).as(what).isEqualTo(field.getValue().toString());
            }
        }
    }

    @Test
    void milesightEm500Models() {
        for (int battery : new int[] {0, 55, 100}) {
            for (int reading : new int[] {0, 30, 1234, 65535}) {
                assertDecodedAlike(FleetDevice.WASTE, new Em500UdlPayload(battery, reading));
                assertDecodedAlike(FleetDevice.WATER, new Em500SwlPayload(battery, reading));
            }
        }
    }

    @Test
    void draginoLaq4() {
        List<Laq4Payload> payloads = new ArrayList<>();
        for (int temperature : new int[] {-400, -17, 0, 251, 850}) {
            payloads.add(new Laq4Payload(3335, temperature > 300, 18 + temperature % 7, 400 + Math.abs(temperature),
                    temperature, Math.abs(temperature) % 1001));
        }
        payloads.add(new Laq4Payload(2900, true, 65535, 65535, 0, 1000));
        payloads.forEach(payload -> assertDecodedAlike(FleetDevice.AIR, payload));
    }

    @Test
    void nwaveNps405ParkingStatus() {
        for (boolean occupied : new boolean[] {true, false}) {
            for (int minutes : new int[] {0, 1, 74, 89, 90, 97, 235, 239, 240, 300, 600, 659, 660, 5000}) {
                assertDecodedAlike(FleetDevice.PARKING, Nps405ParkingStatus.after(occupied, Duration.ofMinutes(minutes)));
            }
        }
    }
}
