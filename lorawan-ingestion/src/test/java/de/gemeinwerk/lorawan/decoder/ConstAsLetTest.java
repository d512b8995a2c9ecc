package de.gemeinwerk.lorawan.decoder;

import org.junit.jupiter.api.Test;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.EvaluatorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstAsLetTest {

    private static String rewrite(String source) {
        CompilerEnvirons environment = new CompilerEnvirons();
        environment.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        return ConstAsLet.rewrite(source, environment);
    }

    @Test
    void constDeclarationsBecomeLetOfTheSameLength() {
        String source = "const a = 1;\nfor (var b of [1]) { const c = 'const d'; } // const e\nvar constant = /const/;";
        String rewritten = rewrite(source);
        assertThat(rewritten).isEqualTo(
                "let   a = 1;\nfor (var b of [1]) { let   c = 'const d'; } // const e\nvar constant = /const/;");
        assertThat(rewritten).hasSameSizeAs(source);
    }

    @Test
    void aLoopBodysConstGetsEachIterationsValue() {
        DecoderSandbox sandbox = DecoderSandboxTest.SANDBOX;
        String script = "function decodeUplink(input) { var out = [];"
                + " for (var i = 0; i < input.bytes.length; i++) { const b = input.bytes[i]; out.push(b); }"
                + " return {data: {out: out}}; }";
        assertThat(sandbox.decode(script, new byte[] {1, 2, 3}, 1, java.time.Instant.EPOCH).data().toString())
                .isEqualTo("{\"out\":[1,2,3]}");
    }

    @Test
    void syntaxErrorsKeepTheirPosition() {
        assertThatThrownBy(() -> rewrite("const a = 1;\n  const = 2;")).isInstanceOfSatisfying(EvaluatorException.class,
                e -> assertThat(e.lineNumber()).isEqualTo(2));
    }
}
