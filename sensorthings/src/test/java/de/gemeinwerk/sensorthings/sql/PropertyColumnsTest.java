package de.gemeinwerk.sensorthings.sql;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyColumnsTest {

    private static String fromBytes(String postgresText) {
        return PropertyColumns.iso(postgresText.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void writesPostgresUtcTimestampsAsIso8601WithFractionsInGroupsOfThree() {
        assertThat(fromBytes("2024-05-01 12:00:00")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(fromBytes("2024-05-01 12:00:00.2")).isEqualTo("2024-05-01T12:00:00.200Z");
        assertThat(fromBytes("2024-05-01 12:00:00.25")).isEqualTo("2024-05-01T12:00:00.250Z");
        assertThat(fromBytes("2024-05-01 12:00:00.123")).isEqualTo("2024-05-01T12:00:00.123Z");
        assertThat(fromBytes("2024-05-01 12:00:00.1234")).isEqualTo("2024-05-01T12:00:00.123400Z");
        assertThat(fromBytes("2024-05-01 12:00:00.123456")).isEqualTo("2024-05-01T12:00:00.123456Z");
        assertThat(fromBytes("12024-05-01 12:00:00.5")).isEqualTo("12024-05-01T12:00:00.500Z");
    }

    @Test
    void readsYearsBeforeTheCommonEraAsSignedIsoYears() {
        assertThat(fromBytes("0001-01-01 00:00:00 BC")).isEqualTo("0000-01-01T00:00:00Z");
        assertThat(fromBytes("0044-03-15 12:00:00.5 BC")).isEqualTo("-0043-03-15T12:00:00.500Z");
    }

    @Test
    void fromBytesAndFromTextAgree() {
        for (String text : new String[] {"1970-01-01 00:00:00", "2026-11-22 10:15:30.000001", "2026-11-22 10:15:30.1",
                "0100-02-03 04:05:06.78 BC", "infinity", "-infinity"}) {
            assertThat(fromBytes(text)).isEqualTo(PropertyColumns.iso(text));
        }
        assertThat(PropertyColumns.iso((byte[]) null)).isNull();
    }
}
