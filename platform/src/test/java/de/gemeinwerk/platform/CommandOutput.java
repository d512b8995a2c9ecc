package de.gemeinwerk.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output and standard error of a command run in a test, captured as UTF-8 text. */
public final class CommandOutput {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    /** Forgets what was written, for the next command. */
    public void reset() {
        out.reset();
        err.reset();
    }

    public PrintStream outStream() { return outStream; }

    public PrintStream errStream() { return errStream; }

    public String out() { return out.toString(StandardCharsets.UTF_8); }

    public String err() { return err.toString(StandardCharsets.UTF_8); }
}
