package de.gemeinwerk.server.demo.lorawan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Milesight EM500-UDL (ultrasonic distance, e.g. above the waste in a bin): battery level and the distance in
 * millimetres (channel type 0x82).
 */
public record Em500UdlPayload(int batteryPercent, int distanceMillimetres) implements SensorPayload {

    private static final int DISTANCE = 0x82;

    @Override
    public int fPort() {
        return MilesightChannels.F_PORT;
    }

    @Override
    public byte[] bytes() {
        return MilesightChannels.batteryAndReading(batteryPercent, DISTANCE, distanceMillimetres);
    }

    @Override
    public Map<String, Object> decoded() {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("battery", batteryPercent);
        decoded.put("distance", distanceMillimetres);
        return decoded;
    }
}
