package de.gemeinwerk.server.demo.lorawan;

/** A value that does not fit its field would be sent wrapped around: a simulation bug, so it fails loudly. */
final class PayloadChecks {

    private PayloadChecks() {}

    static void range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must lie in [" + min + ", " + max + "], was " + value);
        }
    }
}
