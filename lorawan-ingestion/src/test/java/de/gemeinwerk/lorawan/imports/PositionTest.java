package de.gemeinwerk.lorawan.imports;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTest {

    @Test
    void decimalPointOrCommaAndAnOptionalAltitude() {
        assertThat(Position.parse(" 51,298 ", "9.494", "")).isEqualTo(new Position(51.298, 9.494, null));
        assertThat(Position.parse("-33.9", "+151", "12,5")).isEqualTo(new Position(-33.9, 151, 12.5));
        assertThat(Position.parse("", null, " ")).isNull();
    }

    @Test
    void anythingElseNamesItsField() {
        assertInvalid("91", "9", null, "latitude");
        assertInvalid("51", "180.5", null, "longitude");
        assertInvalid("51", "9", "1e3", "altitude");
        assertInvalid("51", "", null, "longitude");
        assertInvalid("", "9", null, "latitude");
        assertInvalid("", "", "100", "altitude");
        assertInvalid("51.2.3", "9", null, "latitude");
        assertInvalid("Infinity", "9", null, "latitude");
    }

    @Test
    void toAndFromGeoJsonPoints() {
        Position position = new Position(51.3, 9.5, 170.0);
        assertThat(position.geoJson().toString()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[9.5,51.3,170.0]}");
        assertThat(Position.of(position.geoJson())).isEqualTo(position);
        JsonMapper json = JsonMapper.shared();
        assertThat(Position.of(json.readTree("{\"type\":\"Point\",\"coordinates\":[9.5,51.3]}")))
                .isEqualTo(new Position(51.3, 9.5, null));
        assertThat(Position.of(json.readTree("{\"type\":\"Polygon\",\"coordinates\":[]}"))).isNull();
        assertThat(Position.of(json.readTree("{\"type\":\"Point\",\"coordinates\":[\"a\",1]}"))).isNull();
        assertThat(Position.of(null)).isNull();
    }

    private static void assertInvalid(String latitude, String longitude, String altitude, String field) {
        assertThatThrownBy(() -> Position.parse(latitude, longitude, altitude)).isInstanceOf(Position.Invalid.class)
                .satisfies(e -> assertThat(((Position.Invalid) e).field()).isEqualTo(field));
    }
}
