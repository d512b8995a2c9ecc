package de.gemeinwerk.lorawan.uplink;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-12T08:25:41.839311Z", "2026-03-12T08:25:41Z", "2026-03-12T08:25:41.8+00:00",
            "2026-03-12T08:25:41.123456789-05:30", "2024-02-29T23:59:59.999999999+14:00", "2026-03-12T08:25:41-00:00",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+18:00", "2026-03-12t08:25:41z", "2026-03-12T08:25Z",
            "+12026-03-12T08:25:41Z", "2026-03-12T08:25:41.Z"})
    void readsWhatOffsetDateTimeReadsAsItReadsIt(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-04-31T08:25:41Z", "2025-02-29T08:25:41Z", "2026-13-12T08:25:41Z",
            "2026-03-12T24:00:00Z", "2026-03-12T08:60:41Z", "2026-03-12T08:25:60Z", "2026-03-12T08:25:41",
            "2026-03-12T08:25:41.1234567891Z", "2026-03-12T08:25:41+18:30", "2026-03-12T08:25:41+19:00",
            "2026-03-12T08:25:41*01:00", "2026-03-12 08:25:41Z", "2026-3-12T08:25:41Z", "2026-03-12T08:25:41ZZ",
            "2026-03-12T08:25:41.12a4Z", "x026-03-12T08:25:41Z", "2026-03-12T08:25:41+0100", ""})
    void refusesWhatOffsetDateTimeRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
