package de.gemeinwerk.portal.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void resultsInTheReadersLanguage() {
        assertThat(Formats.result(JSON.readTree("87.25"), Locale.GERMAN)).isEqualTo("87,25");
        assertThat(Formats.result(JSON.readTree("87.25"), Locale.ENGLISH)).isEqualTo("87.25");
        assertThat(Formats.result(JSON.readTree("1234.5678"), Locale.GERMAN)).isEqualTo("1.234,57");
        assertThat(Formats.result(JSON.readTree("\"offen\""), Locale.GERMAN)).isEqualTo("offen");
        assertThat(Formats.result(JSON.readTree("true"), Locale.GERMAN)).isEqualTo("true");
        assertThat(Formats.result(JSON.readTree("{\"a\": 1}"), Locale.GERMAN)).isEqualTo("{\"a\":1}");
        assertThat(Formats.result(null, Locale.GERMAN)).isEmpty();
    }

    @Test
    void timesInLocalTimeOfTheMunicipality() {
        // 10:00 UTC is 11:00 in Berlin in winter, 12:00 in summer
        assertThat(Formats.time("2026-11-22T10:00:00Z", Locale.GERMAN)).isEqualTo("22.11.2026, 11:00");
        assertThat(Formats.time("2026-07-01T10:00:00Z", Locale.GERMAN)).isEqualTo("01.07.2026, 12:00");
        // an interval stands for its end
        assertThat(Formats.time("2026-11-22T09:00:00Z/2026-11-22T10:00:00Z", Locale.GERMAN))
                .isEqualTo("22.11.2026, 11:00");
        assertThat(Formats.time("2026-11-22T10:00:00Z", Locale.ENGLISH)).contains("2026", "11:00");
        assertThat(Formats.time(null, Locale.GERMAN)).isEmpty();
        assertThat(Formats.time("gestern", Locale.GERMAN)).isEqualTo("gestern");
    }

    @Test
    void unitsAsPeopleWriteThem() {
        assertThat(Formats.unit("{count}")).isEmpty();
        assertThat(Formats.unit("cm")).isEqualTo("cm");
        assertThat(Formats.unit("Cel")).isEqualTo("°C");
        assertThat(Formats.unit("ug/m3")).isEqualTo("µg/m³");
        assertThat(Formats.unit("")).isEmpty();
    }
}
