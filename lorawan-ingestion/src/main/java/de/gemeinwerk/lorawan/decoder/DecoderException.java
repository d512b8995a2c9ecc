package de.gemeinwerk.lorawan.decoder;

/**
 * A payload decoder could not be compiled or did not produce a decoded object. The message says what went wrong
 * and, for syntax and runtime errors, where in the script (line and column), so it can be shown to the tenant's
 * admin as it is.
 */
public final class DecoderException extends RuntimeException {

    /** Why decoding failed. */
    public enum Kind {
        /** the script does not compile, or defines no {@code decodeUplink} */
        SYNTAX,
        /** the decoder ran longer than the time limit */
        TIMEOUT,
        /** the decoder allocated more than the memory limit */
        MEMORY,
        /** the decoder returned {@code errors}, returned no {@code data}, or threw */
        FAILED,
        /** the decoder returned something that is not a JSON object (functions, NaN, cycles, too big) */
        BAD_OUTPUT
    }

    private final Kind kind;

    public DecoderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
