package de.gemeinwerk.server.demo.lorawan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Milesight EM500-SWL (submersible water level, e.g. in a brook): battery level and the water level in centimetres
 * (channel type 0x77). The device repository's codec names the level {@code distance}.
 */
public record Em500SwlPayload(int batteryPercent, int waterLevelCentimetres) implements SensorPayload {

    private static final int WATER_LEVEL = 0x77;

    @Override
    public int fPort() {
        return MilesightChannels.F_PORT;
    }

    @Override
    public byte[] bytes() {
        return MilesightChannels.batteryAndReading(batteryPercent, WATER_LEVEL, waterLevelCentimetres);
    }

    @Override
    public Map<String, Object> decoded() {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("battery", batteryPercent);
        decoded.put("distance", waterLevelCentimetres);
        return decoded;
    }
}
