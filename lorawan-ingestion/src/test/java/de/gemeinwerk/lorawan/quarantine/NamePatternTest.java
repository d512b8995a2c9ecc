package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamePatternTest {

    @Test
    void placeholdersAreReplaced() {
        NamePattern pattern = NamePattern.parse("Parkplatz {n} ({deviceName}, {devEui})", "/namePattern");

        assertThat(pattern.name("a840415f31000003", "bucht-7", 12))
                .isEqualTo("Parkplatz 12 (bucht-7, a840415f31000003)");
    }

    @Test
    void theDefaultIsTheNetworkServersNameElseTheDevEui() {
        NamePattern pattern = NamePattern.parse(null, "/namePattern");

        assertThat(pattern.name("a840415f31000003", " Pegel Fulda ", 1)).isEqualTo("Pegel Fulda");
        assertThat(pattern.name("a840415f31000003", null, 1)).isEqualTo("a840415f31000003");
        assertThat(pattern.name("a840415f31000003", "  ", 1)).isEqualTo("a840415f31000003");
    }

    @Test
    void textWithoutPlaceholdersIsKept() {
        assertThat(NamePattern.parse("Sensor", "w").name("a840415f31000003", "x", 3)).isEqualTo("Sensor");
    }

    @Test
    void unknownOrOpenPlaceholdersAndStrayBracesAreRefusedWithTheirPosition() {
        assertThatThrownBy(() -> NamePattern.parse("Sensor {name}", "/namePattern"))
                .isInstanceOf(ApiException.class).hasMessageContaining("position 8")
                .satisfies(e -> assertThat(((ApiException) e).where()).isEqualTo("/namePattern"));
        assertThatThrownBy(() -> NamePattern.parse("Sensor {n", "/namePattern"))
                .hasMessageContaining("position 8");
        assertThatThrownBy(() -> NamePattern.parse("Sensor n}", "/namePattern"))
                .hasMessageContaining("position 9");
        assertThatThrownBy(() -> NamePattern.parse(" ", "/namePattern")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> NamePattern.parse("x".repeat(201), "/namePattern"))
                .isInstanceOf(ApiException.class);
    }
}
