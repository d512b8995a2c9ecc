package de.gemeinwerk.lorawan.registry;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceTypeRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aValidTypeGetsItsDefaults() {
        DeviceTypeInput valid = DeviceTypeRules.validate(type("pegel", List.of(entry("/level", "Pegel", 0.1))));

        assertThat(valid.shared()).isFalse();
        assertThat(valid.description()).isEmpty();
        assertThat(valid.datastreams().getFirst().observedProperty().description()).isEmpty();
        assertThat(valid.datastreams().getFirst().scale()).isEqualTo(0.1);
    }

    @Test
    void errorsNameThePlace() {
        assertWhere(type("Pegel", List.of(entry("/level", "Pegel", null))), "/key");
        assertWhere(type("pegel", List.of()), "/datastreams");
        assertWhere(type("pegel", List.of(entry("level", "Pegel", null))), "/datastreams/0/field");
        assertWhere(type("pegel", List.of(entry("/a", "Pegel", null), entry("/b", "Pegel", null))),
                "/datastreams/1/name");
        assertWhere(type("pegel", List.of(entry("/a", "Pegel", 0.0))), "/datastreams/0/scale");
        assertWhere(type("pegel", List.of(new DatastreamEntry("/a", "A", null, null,
                JSON.readTree("{}"), "x", null))), "/datastreams/0/observedProperty");
    }

    private static void assertWhere(DeviceTypeInput input, String where) {
        assertThatThrownBy(() -> DeviceTypeRules.validate(input)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.where()).isEqualTo(where));
    }

    private static DeviceTypeInput type(String key, List<DatastreamEntry> entries) {
        return new DeviceTypeInput(key, "Pegel", null, null, null, entries);
    }

    private static DatastreamEntry entry(String field, String name, Double scale) {
        return new DatastreamEntry(field, name, null,
                new DatastreamEntry.ObservedPropertyDefinition("Wasserstand", "https://example.org/level", null),
                JSON.readTree("{\"name\":\"Zentimeter\",\"symbol\":\"cm\"}"),
                "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", scale);
    }
}
