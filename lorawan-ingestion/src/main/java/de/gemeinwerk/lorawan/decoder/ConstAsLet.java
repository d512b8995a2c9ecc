package de.gemeinwerk.lorawan.decoder;

import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.VariableDeclaration;

/**
 * Rhino 1.9 keeps a {@code const} declared in a loop body at its first iteration's value ({@code for (…) { const b =
 * bytes[i]; … }} reads the first byte every time), while the engines the decoders are written for (goja in The
 * Things Stack, QuickJS in ChirpStack) give each iteration its own. Rewriting each {@code const} keyword to
 * {@code let} — padded to the same length, so line and column of every error stay right — gives the per-iteration
 * binding; it only loses the error for assigning to a constant, which working decoders do not do.
 */
final class ConstAsLet {

    private ConstAsLet() {
    }

    /** @throws org.mozilla.javascript.EvaluatorException a syntax error, with line and column */
    static String rewrite(String source, CompilerEnvirons environment) {
        AstRoot root = new Parser(environment, environment.getErrorReporter()).parse(source, "decoder", 1);
        char[] text = source.toCharArray();
        root.visit(node -> {
            if (node instanceof VariableDeclaration declaration && declaration.isConst()) {
                int at = declaration.getAbsolutePosition();
                if (source.startsWith("const", at)) {
                    "let  ".getChars(0, 5, text, at);
                }
            }
            return true;
        });
        return new String(text);
    }
}
