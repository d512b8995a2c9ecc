package de.gemeinwerk.lorawan.decoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInDecodersTest {

    private static final DecoderSandbox SANDBOX = DecoderSandboxTest.SANDBOX;
    private static final Instant RECEIVED = Instant.parse("2026-03-12T08:00:00Z");

    static List<CodecExamples> examples() {
        return CodecExamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decodesEveryCodecExampleToItsExpectedObject(CodecExamples example) {
        String decoder = BuiltInDecoders.source(example.deviceType()).orElseThrow();

        DecodedPayload fromHex = SANDBOX.decode(decoder, example.fromHex(), example.fPort(), RECEIVED);
        DecodedPayload fromBase64 = SANDBOX.decode(decoder, example.fromBase64(), example.fPort(), RECEIVED);

        assertThat(fromHex.data()).isEqualTo(example.expected());
        assertThat(fromBase64.data()).isEqualTo(example.expected());
        assertThat(fromHex.warnings()).isEmpty();
    }

    @Test
    void thereAreTheFourBuiltInDecodersAndSevenExamples() {
        assertThat(BuiltInDecoders.all()).containsOnlyKeys(
                "milesight-em500-udl", "milesight-em500-swl", "dragino-laq4", "nwave-nps405");
        assertThat(examples()).hasSize(7);
        BuiltInDecoders.all().values().forEach(SANDBOX::check);
    }

    @Test
    void wholeNumbersAreWrittenAsIntegers() {
        String decoder = BuiltInDecoders.source("milesight-em500-udl").orElseThrow();
        DecodedPayload decoded = SANDBOX.decode(decoder, HexFormat.of().parseHex("01756403821e00"), 85, RECEIVED);
        assertThat(decoded.data().toString()).isEqualTo("{\"battery\":100,\"distance\":30}");
    }

    @Test
    void anUnknownFPortIsAnError() {
        String decoder = BuiltInDecoders.source("dragino-laq4").orElseThrow();
        byte[] bytes = HexFormat.of().parseHex("0d07050012020b00fb01b3");
        assertThatThrownBy(() -> SANDBOX.decode(decoder, bytes, 42, RECEIVED))
                .isInstanceOfSatisfying(DecoderException.class,
                        e -> assertThat(e.kind()).isEqualTo(DecoderException.Kind.FAILED))
                .hasMessageContaining("unknown FPort");
        for (String key : List.of("milesight-em500-udl", "milesight-em500-swl", "nwave-nps405")) {
            assertThatThrownBy(() -> SANDBOX.decode(BuiltInDecoders.source(key).orElseThrow(), bytes, 42, RECEIVED))
                    .hasMessageContaining("unknown FPort 42");
        }
    }

    @Test
    void truncatedPayloadsAreErrorsNotGarbage() {
        String udl = BuiltInDecoders.source("milesight-em500-udl").orElseThrow();
        assertThatThrownBy(() -> SANDBOX.decode(udl, HexFormat.of().parseHex("0175640382"), 85, RECEIVED))
                .hasMessageContaining("channel 03 82 (distance) is cut off");
        String laq4 = BuiltInDecoders.source("dragino-laq4").orElseThrow();
        assertThatThrownBy(() -> SANDBOX.decode(laq4, HexFormat.of().parseHex("0d0705"), 2, RECEIVED))
                .hasMessageContaining("expected 11 bytes");
    }

    @Test
    void anUnknownMilesightChannelKeepsWhatWasReadAndWarns() {
        String swl = BuiltInDecoders.source("milesight-em500-swl").orElseThrow();
        DecodedPayload decoded = SANDBOX.decode(swl, HexFormat.of().parseHex("01755cff0b01"), 85, RECEIVED);
        assertThat(decoded.data().toString()).isEqualTo("{\"battery\":92}");
        assertThat(decoded.warnings()).containsExactly("unknown channel ff 0b at byte 3; the rest of the payload is ignored");
    }

    @Test
    void nps405DurationsBeyondTheExactRangeCarryTheirError() {
        String nps = BuiltInDecoders.source("nwave-nps405").orElseThrow();
        // code 121 (0xf2 >> 1): 240 + 60 minutes, ±59; code 127: overflow
        assertThat(SANDBOX.decode(nps, new byte[] {(byte) 0xf2}, 1, RECEIVED).data().toString())
                .isEqualTo("{\"type\":\"parking_status\",\"occupied\":false,\"previous_state_duration_overflow\":false,"
                        + "\"previous_state_duration\":300,\"previous_state_duration_error\":59}");
        assertThat(SANDBOX.decode(nps, new byte[] {(byte) 0xff}, 1, RECEIVED).data().get("previous_state_duration_overflow")
                .asBoolean()).isTrue();
    }
}
