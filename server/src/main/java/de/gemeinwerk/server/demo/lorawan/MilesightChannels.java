package de.gemeinwerk.server.demo.lorawan;

/**
 * Milesight's channel format of the EM500 series: a sequence of (channel id, channel type, value) entries, numbers
 * little-endian. Both EM500 models send the battery level (channel 0x01, type 0x75, one byte, %) followed by one
 * 16-bit reading on channel 0x03 whose type says what it is.
 */
final class MilesightChannels {

    /** The EM500 series reports on this port. */
    static final int F_PORT = 85;

    private MilesightChannels() {}

    static byte[] batteryAndReading(int batteryPercent, int readingType, int reading) {
        PayloadChecks.range("battery", batteryPercent, 0, 100);
        PayloadChecks.range("reading", reading, 0, 0xFFFF);
        return new byte[] {0x01, 0x75, (byte) batteryPercent, 0x03, (byte) readingType, (byte) reading,
                (byte) (reading >>> 8)};
    }
}
