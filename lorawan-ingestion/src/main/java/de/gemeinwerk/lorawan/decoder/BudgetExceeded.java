package de.gemeinwerk.lorawan.decoder;

/**
 * Stops a decoder that used up its time or memory. An {@link Error}, not an exception: Rhino's interpreter runs
 * neither JavaScript {@code catch} nor {@code finally} blocks for it, so a script cannot swallow it and go on.
 */
final class BudgetExceeded extends Error {

    private final DecoderException.Kind kind;

    BudgetExceeded(DecoderException.Kind kind, String message) {
        super(message, null, false, false); // no stack trace: it is thrown for control flow, not for debugging
        this.kind = kind;
    }

    DecoderException toDecoderException() {
        return new DecoderException(kind, getMessage());
    }
}
