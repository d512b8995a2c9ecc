package de.gemeinwerk.lorawan.uplink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import static de.gemeinwerk.lorawan.uplink.ChirpStackProtobufEncoder.event;
import static de.gemeinwerk.lorawan.uplink.ChirpStackProtobufEncoder.message;
import static de.gemeinwerk.lorawan.uplink.Samples.assertBadRequest;
import static de.gemeinwerk.lorawan.uplink.Samples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The binary encoding: each JSON sample encoded with ChirpStack's field numbers reads as the JSON does. */
class ChirpStackProtobufTest {

    private static final String UDL = "chirpstack-v4/up-em500-udl.json";

    private static JsonNode json(String file) {
        return Samples.JSON.readTree(bytes(file));
    }

    private static NetworkServerMessage both(String event, String file) {
        NetworkServerMessage fromJson = ChirpStackEvents.parse(event, bytes(file));
        NetworkServerMessage fromProtobuf = ChirpStackEvents.parseProtobuf(event, event(event, json(file)));
        assertThat(fromProtobuf).usingRecursiveComparison().isEqualTo(fromJson);
        return fromProtobuf;
    }

    @ParameterizedTest
    @ValueSource(strings = {"up-em500-udl", "up-em500-udl-raw", "up-em500-swl", "up-laq4", "up-nps405"})
    void upReadsAsItsJson(String file) {
        Uplink uplink = (Uplink) both("up", "chirpstack-v4/" + file + ".json");
        assertThat(uplink.receptions()).hasSize(1);
    }

    @Test
    void decodedObjectSurvivesTheStructWithWholeNumbers() {
        Uplink uplink = (Uplink) both("up", UDL);
        assertThat(uplink.decoded().toString()).isEqualTo("{\"battery\":100,\"distance\":30}");
        assertThat(uplink.receptions()).containsExactly(new RadioReception("ac1f09fffe0a1b2c", -87, 7.5));
    }

    @Test
    void nestedStructListsAndNullsOfTheIntegrationSample() {
        JsonNode object = json("chirpstack-v4/integration.json").get("object");
        byte[] up = edited(root -> root.set("object", object));
        Uplink uplink = (Uplink) ChirpStackEvents.parseProtobuf("up", up);
        assertThat(uplink.decoded()).isEqualTo(WholeNumbers.integral((ObjectNode) object));
        assertThat(uplink.decoded().get("dnlink").isNull()).isTrue();
    }

    @Test
    void documentationUpSendsNoFrameCounterWhichProtobufReadsAsZero() {
        Uplink uplink = (Uplink) ChirpStackEvents.parseProtobuf("up", event("up", json("chirpstack-v4/up.json")));
        assertThat(uplink.fCnt()).isZero();
        assertThat(uplink.fPort()).isEqualTo(1);
        assertThat(uplink.time()).isEqualTo(Instant.parse("2022-07-18T09:34:15.775023242Z"));
        assertThat(Samples.hex(uplink.payload())).isEqualTo("aa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"join", "status", "ack", "txack", "log", "location"})
    void otherEventsReadAsTheirJson(String event) {
        DeviceEvent parsed = (DeviceEvent) both(event, "chirpstack-v4/" + event + ".json");
        assertThat(parsed.devEui()).isEqualTo("0101010101010101");
    }

    @Test
    void timeFallsBackToTheGatewaysAsInJson() {
        byte[] up = edited(root -> root.remove("time"));
        assertThat(ChirpStackEvents.parseProtobuf("up", up)).usingRecursiveComparison()
                .isEqualTo(ChirpStackEvents.parse("up", bytes(UDL)));
        byte[] timeless = edited(root -> {
            root.remove("time");
            root.remove("rxInfo");
        });
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", timeless), "/time", "no time");
    }

    @Test
    void malformedMessages() {
        byte[] up = event("up", json(UDL));
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", new byte[0]), "body", "empty");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", Arrays.copyOf(up, up.length - 1)), "/",
                "Malformed Protobuf");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", bytes(UDL)), "/", "Malformed Protobuf");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("integration", up), "event", "expected one of");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", message(out -> out.writeString(1, "x"))),
                "/deviceInfo", "missing");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", edited(root -> root.put("deduplicationId", ""))),
                "/deduplicationId", "missing");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", edited(root -> root.put("fPort", 256))),
                "/fPort", "between 0 and 255");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up",
                edited(root -> Samples.objectAt(root, "/deviceInfo").put("devEui", "24e1247131"))),
                "/deviceInfo/devEui", "16 hex digits");
    }

    @Test
    void wrongWireTypesAndBadTimestamps() {
        byte[] device = message(out -> out.writeString(8, "24e1247131000001"));
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", message(out -> {
            out.writeUInt64(1, 7);
            out.writeByteArray(3, device);
        })), "/deduplicationId", "wrong Protobuf wire type");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", message(out -> {
            out.writeString(1, "d");
            out.writeByteArray(2, message(time -> time.writeInt32(2, 2_000_000_000)));
            out.writeByteArray(3, device);
        })), "/time", "not a valid timestamp");
        assertBadRequest(() -> ChirpStackEvents.parseProtobuf("up", message(out -> {
            out.writeString(1, "d");
            out.writeByteArray(2, ChirpStackProtobufEncoder.timestamp(Instant.EPOCH));
            out.writeByteArray(3, device);
            out.writeUInt32(12, 5);
        })), "/rxInfo/0", "wrong Protobuf wire type");
    }

    @Test
    void structNestedBeyondAnyDecoderIsRefused() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        byte[] up = edited(root -> root.set("object", Samples.JSON.readTree(deep)));
        assertThat(catchThrowableOfType(ApiException.class, () -> ChirpStackEvents.parseProtobuf("up", up))
                .getMessage()).contains("nested deeper than 64");
    }

    private static byte[] edited(Consumer<ObjectNode> edit) {
        return event("up", Samples.JSON.readTree(Samples.edited(UDL, edit)));
    }
}
