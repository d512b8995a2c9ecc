package de.gemeinwerk.platform.json;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Station(String name, Boolean active, List<Sensor> sensors) {
    }

    record Sensor(String unit) {
    }

    private final StrictJson json = new StrictJson(JsonMapper.shared());

    @Test
    void readsARecordWithMissingFieldsAsNull() {
        assertThat(read("{\"name\":\"Pegel\"}")).isEqualTo(new Station("Pegel", null, null));
    }

    @Test
    void unknownFieldIsNamedWithItsPath() {
        assertThatThrownBy(() -> read("{\"name\":\"Pegel\",\"sensors\":[{\"unit\":\"cm\",\"colour\":1}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Unknown field 'colour'.");
                    assertThat(e.where()).isEqualTo("body: /sensors/0/colour");
                });
    }

    @Test
    void wrongTypeNamesThePath() {
        assertThatThrownBy(() -> read("{\"active\":\"yes please\"}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid value at line 1, column 11: expected true or false.");
                    assertThat(e.where()).isEqualTo("body: /active");
                });
    }

    @Test
    void malformedJsonSaysLineAndColumn() {
        assertThatThrownBy(() -> read("{\n\"name\": \"Pegel\"\n\"active\": true}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Malformed JSON at line 3, column 1");
                    assertThat(e.where()).isEqualTo("body at line 3, column 1");
                });
    }

    @Test
    void emptyNullAndTrailingContentAreRejected() {
        for (String body : new String[]{"", "null", "{} {}", "[1]"}) {
            assertThatThrownBy(() -> read(body)).as(body).isInstanceOf(ApiException.class);
        }
    }

    private Station read(String body) {
        return json.read(body.getBytes(StandardCharsets.UTF_8), Station.class);
    }
}
