package de.gemeinwerk.console.lorawan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileLocationTest {

    @Test
    void theImportsPlacesAreTakenApart() {
        assertThat(FileLocation.of("line 14, column 1 (devEui)"))
                .isEqualTo(new FileLocation.Place(14, 1, "(devEui)"));
        assertThat(FileLocation.of("line 2, column 3")).isEqualTo(new FileLocation.Place(2, 3, null));
        assertThat(FileLocation.of("line 1")).isEqualTo(new FileLocation.Place(1, null, null));
        assertThat(FileLocation.of("body")).isEqualTo(new FileLocation.Place(null, null, "body"));
        assertThat(FileLocation.of(null)).isNull();
    }
}
