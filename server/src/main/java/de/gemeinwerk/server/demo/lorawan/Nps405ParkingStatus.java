package de.gemeinwerk.server.demo.lorawan;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nwave NPS405 parking sensor, "parking status" (port 1), sent when a bay becomes free or occupied: one byte, bit 0 =
 * occupied now, bits 1–7 = how long the previous state lasted, compressed: minutes 0–89 exactly, then steps of 5
 * minutes (90–235), then steps of an hour (240–600), then "longer" (660, overflow).
 */
public record Nps405ParkingStatus(boolean occupied, int compressedDuration) implements SensorPayload {

    private static final int OVERFLOW = 127;

    public Nps405ParkingStatus {
        PayloadChecks.range("compressed duration", compressedDuration, 0, OVERFLOW);
    }

    /** The status a bay sends on changing to {@code occupied} after {@code previousState} in the other state. */
    public static Nps405ParkingStatus after(boolean occupied, Duration previousState) {
        long minutes = previousState.toMinutes();
        int compressed;
        if (minutes < 90) {
            compressed = (int) Math.max(0, minutes);
        } else if (minutes < 240) {
            compressed = (int) (90 + (minutes - 90) / 5);
        } else if (minutes < 660) {
            compressed = (int) Math.min(126, 120 + (minutes - 240) / 60);
        } else {
            compressed = OVERFLOW;
        }
        return new Nps405ParkingStatus(occupied, compressed);
    }

    @Override
    public int fPort() {
        return 1;
    }

    @Override
    public byte[] bytes() {
        return new byte[] {(byte) (compressedDuration << 1 | (occupied ? 1 : 0))};
    }

    @Override
    public Map<String, Object> decoded() {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("type", "parking_status");
        decoded.put("occupied", occupied);
        if (compressedDuration < 90) {
            decoded.put("previous_state_duration", compressedDuration);
            decoded.put("previous_state_duration_error", 0);
        } else if (compressedDuration < 120) {
            decoded.put("previous_state_duration", 90 + (compressedDuration - 90) * 5);
            decoded.put("previous_state_duration_error", 4);
        } else if (compressedDuration < OVERFLOW) {
            decoded.put("previous_state_duration", 240 + (compressedDuration - 120) * 60);
            decoded.put("previous_state_duration_error", 59);
        } else {
            decoded.put("previous_state_duration", 660);
            decoded.put("previous_state_duration_error", null);
        }
        decoded.put("previous_state_duration_overflow", compressedDuration == OVERFLOW);
        return decoded;
    }
}
