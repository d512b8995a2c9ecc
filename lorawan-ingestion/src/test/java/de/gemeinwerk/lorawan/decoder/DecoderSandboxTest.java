package de.gemeinwerk.lorawan.decoder;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderSandboxTest {

    /** A time limit far above any of these calls, so a slow machine cannot turn a result into a TIMEOUT. */
    static final DecoderSandbox SANDBOX = new DecoderSandbox(Duration.ofSeconds(5), DecoderSandbox.DEFAULT_MEMORY_LIMIT);
    static final Instant RECEIVED = Instant.parse("2026-03-12T08:00:00Z");
    static final byte[] BYTES = {1, (byte) 0xff};

    static DecodedPayload decode(String script) {
        return SANDBOX.decode(script, BYTES, 85, RECEIVED);
    }

    static String data(String expression) {
        return decode("function decodeUplink(input) { return {data: " + expression + "}; }").data().toString();
    }

    static void fails(ThrowingCallable call, DecoderException.Kind kind, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DecoderException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }

    /** A decoder of its own (not a built-in) gives the same results: the TTN convention, ES6 syntax. */
    private static final String USER_DECODER = """
            const read = (bytes, at) => bytes[at] | (bytes[at + 1] << 8);
            function decodeUplink({ bytes, fPort }) {
              const data = {};
              if (fPort === 85) {
                for (let at = 0; at < bytes.length;) {
                  const [id, type] = [bytes[at], bytes[at + 1]];
                  if (id === 0x01 && type === 0x75) { data.battery = bytes[at + 2]; at += 3; }
                  else if (id === 0x03 && (type === 0x82 || type === 0x77)) { data.distance = read(bytes, at + 2); at += 4; }
                  else return { errors: [`unknown channel ${id}/${type}`] };
                }
              }
              return { data, warnings: [] };
            }
            """;

    static List<CodecExamples> milesightExamples() {
        return CodecExamples.all().stream().filter(e -> e.deviceType().startsWith("milesight")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("milesightExamples")
    void aUserDecoderDecodesTheCodecExamples(CodecExamples example) {
        assertThat(SANDBOX.decode(USER_DECODER, example.fromBase64(), example.fPort(), RECEIVED).data())
                .isEqualTo(example.expected());
    }

    @Test
    void theInputHasBytesFPortReceiveTimeAndVariables() {
        String script = """
                function decodeUplink(input) {
                  return { data: { bytes: input.bytes, fPort: input.fPort, time: input.recvTime.toISOString(),
                                   isDate: input.recvTime instanceof Date, variables: input.variables,
                                   isArray: Array.isArray(input.bytes) } };
                }""";
        assertThat(decode(script).data().toString()).isEqualTo("{\"bytes\":[1,255],\"fPort\":85,"
                + "\"time\":\"2026-03-12T08:00:00.000Z\",\"isDate\":true,\"variables\":{},\"isArray\":true}");
        assertThat(SANDBOX.decode(script, new byte[0], null, RECEIVED).data().has("fPort")).isFalse();
    }

    @Test
    void valuesBecomeJson() {
        assertThat(data("{a: 30.0, b: -0, c: 0.5, d: 2 ** 40, e: 1e300, f: 'x', g: true, h: null, i: undefined, "
                + "j: [undefined, 1], k: {l: new Date(0)}, m: 12345678901234567890n}"))
                .isEqualTo("{\"a\":30,\"b\":0,\"c\":0.5,\"d\":1099511627776,\"e\":1.0E300,\"f\":\"x\",\"g\":true,"
                        + "\"h\":null,\"j\":[null,1],\"k\":{\"l\":\"1970-01-01T00:00:00.000Z\"},\"m\":12345678901234567890}");
    }

    @Test
    void warningsArePassedOn() {
        assertThat(decode("function decodeUplink() { return {data: {}, warnings: ['low battery', 42]}; }").warnings())
                .containsExactly("low battery", "42");
    }

    @Test
    void syntaxErrorsSayLineAndColumn() {
        String script = "function decodeUplink(input) {\n  var x = ;\n}";
        fails(() -> SANDBOX.check(script), DecoderException.Kind.SYNTAX, "(line 2, column ");
        fails(() -> decode(script), DecoderException.Kind.SYNTAX, "syntax error");
        fails(() -> SANDBOX.check("function decodeUplonk(input) {}"), DecoderException.Kind.SYNTAX,
                "defines no function decodeUplink(input)");
        fails(() -> SANDBOX.check("var decodeUplink = 3;"), DecoderException.Kind.SYNTAX, "decodeUplink");
        SANDBOX.check("const decodeUplink = input => ({data: {}});");
    }

    @Test
    void errorsReturnedOrThrownAreFailures() {
        fails(() -> decode("function decodeUplink() { return {errors: ['bad length', 'bad crc']}; }"),
                DecoderException.Kind.FAILED, "the decoder reported: bad length; bad crc");
        fails(() -> decode("function decodeUplink() { return {warnings: []}; }"),
                DecoderException.Kind.FAILED, "no data object (data is undefined)");
        fails(() -> decode("function decodeUplink() { return 42; }"), DecoderException.Kind.FAILED, "returned the value 42");
        fails(() -> decode("function decodeUplink() { return {data: [1]}; }"), DecoderException.Kind.FAILED, "an array");
        fails(() -> decode("function decodeUplink(input) {\n  return input.nothing.deeper;\n}"),
                DecoderException.Kind.FAILED, "(line 2");
        fails(() -> decode("function decodeUplink() {\n\n  throw new Error('no frame');\n}"),
                DecoderException.Kind.FAILED, "no frame (line 3");
        fails(() -> decode("throw 'at the top';\nfunction decodeUplink() {}"), DecoderException.Kind.FAILED, "at the top");
    }

    @Test
    void outputJsonCannotHoldIsBadOutput() {
        fails(() -> data("{f: function () {}}"), DecoderException.Kind.BAD_OUTPUT, "/data/f is a function");
        fails(() -> data("{n: NaN}"), DecoderException.Kind.BAD_OUTPUT, "/data/n is NaN");
        fails(() -> data("{n: [1, 1 / 0]}"), DecoderException.Kind.BAD_OUTPUT, "/data/n/1 is Infinity");
        fails(() -> data("{s: Symbol('x')}"), DecoderException.Kind.BAD_OUTPUT, "a symbol");
        fails(() -> decode("function decodeUplink() { var o = {a: {}}; o.a.b = o; return {data: o}; }"),
                DecoderException.Kind.BAD_OUTPUT, "/data/a/b refers back to an enclosing object");
        fails(() -> decode("function decodeUplink() { var o = {}; for (var i = 0; i < 20000; i++) o['k' + i] = i;"
                + " return {data: o}; }"), DecoderException.Kind.BAD_OUTPUT, "more than 10000 values");
        fails(() -> data("{s: 'x'.repeat(300000)}"), DecoderException.Kind.BAD_OUTPUT, "characters");
        fails(() -> decode("function decodeUplink() { var o = {}; for (var i = 0; i < 40; i++) o = {o: o};"
                + " return {data: o}; }"), DecoderException.Kind.BAD_OUTPUT, "nested deeper than 32");
        fails(() -> decode("function decodeUplink() { return {data: {}, warnings: 'one'}; }"),
                DecoderException.Kind.BAD_OUTPUT, "/warnings is the string one");
        // the same object twice, not nested in itself, is no cycle
        assertThat(decode("function decodeUplink() { var p = {x: 1}; return {data: {a: p, b: p}}; }").data().toString())
                .isEqualTo("{\"a\":{\"x\":1},\"b\":{\"x\":1}}");
    }

    @Test
    void changesToBuiltInsFailAndDoNotReachTheNextCallOrAnotherScript() {
        String probe = "function decodeUplink() { return {data: {mapped: [1, 2].map(x => x * 2), x: ({}).x === undefined,"
                + " json: typeof JSON.parse, g: typeof leaked}}; }";
        String expected = "{\"mapped\":[2,4],\"x\":true,\"json\":\"function\",\"g\":\"undefined\"}";
        for (String mutation : List.of("Array.prototype.map = function () { return 'hacked'; };",
                "Object.prototype.x = 1;", "JSON.parse = null;", "globalThis.leaked = 1;",
                "Object.defineProperty(Object.prototype, 'x', {value: 1});", "delete Array.prototype.map;",
                "Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.evil = 1; Map.prototype.size.x = 1;")) {
            String script = mutation + "\nfunction decodeUplink() { return {data: {}}; }";
            assertThatThrownBy(() -> decode(script)).as(mutation).isInstanceOf(DecoderException.class);
            assertThat(decode(probe).data().toString()).as(mutation).isEqualTo(expected);
        }
    }

    @Test
    void aDecodersGlobalsStartAfreshOnEveryCall() {
        String counter = "var calls = (typeof calls === 'number' ? calls : 0) + 1; leaked = 'yes';"
                + " function decodeUplink() { return {data: {calls: calls}}; }";
        assertThat(decode(counter).data().toString()).isEqualTo("{\"calls\":1}");
        assertThat(decode(counter).data().toString()).isEqualTo("{\"calls\":1}");
        assertThat(data("{leaked: typeof leaked}")).isEqualTo("{\"leaked\":\"undefined\"}");
    }
}
