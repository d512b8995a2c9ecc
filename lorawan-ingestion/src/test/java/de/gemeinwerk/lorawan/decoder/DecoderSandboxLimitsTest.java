package de.gemeinwerk.lorawan.decoder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static de.gemeinwerk.lorawan.decoder.DecoderSandboxTest.fails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecoderSandboxLimitsTest {

    /** A long time limit, so the memory limit is what stops the allocations below (not the clock). */
    private static final DecoderSandbox SANDBOX = new DecoderSandbox(Duration.ofSeconds(20), 16L * 1024 * 1024);
    private static final Instant RECEIVED = Instant.parse("2026-03-12T08:00:00Z");

    private static DecodedPayload decode(DecoderSandbox sandbox, String body) {
        return sandbox.decode("function decodeUplink(input) {\n" + body + "\n}", new byte[] {1}, 1, RECEIVED);
    }

    @Test
    void anEndlessLoopTimesOut() {
        DecoderSandbox sandbox = new DecoderSandbox(Duration.ofMillis(50), DecoderSandbox.DEFAULT_MEMORY_LIMIT);
        long started = System.nanoTime();
        fails(() -> decode(sandbox, "while (true) {}"), DecoderException.Kind.TIMEOUT, "time limit of 50 ms");
        fails(() -> decode(sandbox, "for (;;) { try { while (true) {} } finally { continue; } }"),
                DecoderException.Kind.TIMEOUT, "time limit");
        fails(() -> sandbox.check("while (true) {}\nfunction decodeUplink() {}"), DecoderException.Kind.TIMEOUT, "time limit");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "return {data: {n: new Array(1e8).fill(0).length}};",
            "var s = 'x'; while (true) s += s;",
            "var s = 'x'; for (var i = 0; i < 29; i++) s += s; return {data: {c: s.charAt(3)}};",
            "return {data: {n: 'x'.repeat(1e9).length}};",
            "return {data: {n: ''.padStart(1e9).length}};",
            "var a = []; a.length = 4e9; return {data: {n: a.join('-').length}};",
            "var all = []; while (true) all.push({id: all.length, children: [{}, {}], name: 'n' + all.length});",
            "var o = {}; for (var i = 0; ; i++) o['key' + i] = [i];",
            "var buffers = []; while (true) buffers.push(new Uint8Array(1 << 20));",
            "return {data: {m: /(a+)+b/.test('a'.repeat(40))}};"})
    void bigAllocationsAreStoppedAndTheHeapStaysIntact(String body) {
        assertThatThrownBy(() -> decode(SANDBOX, body)).isInstanceOfSatisfying(DecoderException.class,
                e -> assertThat(e.kind()).isIn(DecoderException.Kind.MEMORY)).hasMessageContaining("memory limit");
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        assertThat(runtime.totalMemory() - runtime.freeMemory()).isLessThan(runtime.maxMemory() / 2);
        assertThat(decode(SANDBOX, "return {data: {ok: true}};").data().toString()).isEqualTo("{\"ok\":true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "java.lang.System.exit(1);",
            "return {data: {x: java.lang.System.getProperty('user.home')}};",
            "Packages.java.lang.Runtime.getRuntime().exec('true');",
            "importPackage(java.io); return {data: {}};",
            "importClass(java.io.File); return {data: {}};",
            "load('/etc/passwd');",
            "return {data: {x: readFile('/etc/passwd')}};",
            "print('x');",
            "new XMLHttpRequest();",
            "fetch('http://example.org');",
            "require('fs');",
            "eval('java.lang.System.exit(1)');",
            "new Function('return Packages')().java.lang.System.exit(1);",
            "(function () { return this; })().Packages.java.lang.System.exit(1);",
            "[].constructor.constructor('return java')().lang.System.exit(1);",
            "input.bytes.getClass().forName('java.lang.System');",
            "new JavaAdapter(java.lang.Runnable, {});",
            "JavaImporter(java.io);"})
    void thereIsNoWayToJava(String body) {
        assertThatThrownBy(() -> decode(SANDBOX, body)).isInstanceOfSatisfying(DecoderException.class,
                e -> assertThat(e.kind()).isEqualTo(DecoderException.Kind.FAILED));
    }

    @Test
    void evalRunsInsideTheSandbox() {
        assertThat(decode(SANDBOX, "return {data: {x: eval('1 + 2'), p: eval('typeof Packages')}};").data().toString())
                .isEqualTo("{\"x\":3,\"p\":\"undefined\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "function f(n) { return f(n + 1) + 1; } f(0);",
            "function f() { return [0].map(f); } f();",
            "function f() { return JSON.parse('[1]', f); } f();",
            "var o = {}; Object.defineProperty(o, 'x', {get() { return o.x; }}); return {data: {x: o.x}};",
            "function f() { try { return f(); } catch (e) { return f(); } } f();"})
    void deepRecursionIsStopped(String body) {
        assertThatThrownBy(() -> decode(SANDBOX, body)).isInstanceOf(DecoderException.class);
        assertThat(decode(SANDBOX, "return {data: {ok: true}};").data().toString()).isEqualTo("{\"ok\":true}");
    }
}
