package de.gemeinwerk.server.demo.lorawan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dragino LAQ4 (indoor air quality) in its normal "CO2" working mode, port 2, eleven bytes big-endian: battery
 * voltage (mV, 2 bytes), a flag byte (working mode 1 in bits 2–6, alarm in bit 0), TVOC (ppb, 2), eCO2 (ppm, 2),
 * temperature (0.1 °C, signed, 2), relative humidity (0.1 %, 2). Values are kept in the device's own integer units,
 * so encoding never rounds.
 */
public record Laq4Payload(int batteryMillivolts, boolean alarm, int tvocPpb, int co2Ppm, int temperatureDeciCelsius,
                          int humidityPerMille) implements SensorPayload {

    private static final int CO2_MODE = 1;

    public Laq4Payload {
        PayloadChecks.range("battery", batteryMillivolts, 0, 0xFFFF);
        PayloadChecks.range("TVOC", tvocPpb, 0, 0xFFFF);
        PayloadChecks.range("CO2", co2Ppm, 0, 0xFFFF);
        PayloadChecks.range("temperature", temperatureDeciCelsius, Short.MIN_VALUE, Short.MAX_VALUE);
        PayloadChecks.range("humidity", humidityPerMille, 0, 1000);
    }

    @Override
    public int fPort() {
        return 2;
    }

    @Override
    public byte[] bytes() {
        return new byte[] {(byte) (batteryMillivolts >>> 8), (byte) batteryMillivolts,
                (byte) (CO2_MODE << 2 | (alarm ? 1 : 0)), (byte) (tvocPpb >>> 8), (byte) tvocPpb, (byte) (co2Ppm >>> 8),
                (byte) co2Ppm, (byte) (temperatureDeciCelsius >> 8), (byte) temperatureDeciCelsius,
                (byte) (humidityPerMille >>> 8), (byte) humidityPerMille};
    }

    @Override
    public Map<String, Object> decoded() {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("Alarm_status", alarm ? "TRUE" : "FALSE");
        decoded.put("Bat_V", batteryMillivolts / 1000.0);
        decoded.put("CO2_ppm", co2Ppm);
        decoded.put("Hum_SHT", humidityPerMille / 10.0);
        decoded.put("TVOC_ppb", tvocPpb);
        decoded.put("TempC_SHT", temperatureDeciCelsius / 10.0);
        decoded.put("Work_mode", "CO2");
        return decoded;
    }
}
