package de.gemeinwerk.portal.settings;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of the portal settings, without a database. */
class PortalSettingsStoreTest {

    private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[9.49, 51.29], [9.51, 51.29],"
            + " [9.51, 51.31], [9.49, 51.31], [9.49, 51.29]]]}";

    @Test
    void acceptsATileTemplateAndAPolygon() {
        PortalSettings valid = PortalSettingsStore.validate(new PortalSettings(
                " https://tiles.example.org/{z}/{x}/{y}.png ", "© Beispiel", SQUARE));
        assertThat(valid.tileUrl()).isEqualTo("https://tiles.example.org/{z}/{x}/{y}.png");
        assertThat(valid.boundary()).contains("\"Polygon\"", "9.49");
    }

    @Test
    void blanksMeanNone() {
        assertThat(PortalSettingsStore.validate(new PortalSettings(" ", "", null))).isEqualTo(PortalSettings.NONE);
    }

    @Test
    void refusesWhatTheMapCannotUse() {
        assertRefused(new PortalSettings("https://tiles.example.org/tile.png", null, null), "tileUrl");
        assertRefused(new PortalSettings("ftp://x/{z}/{x}/{y}", null, null), "tileUrl");
        assertRefused(new PortalSettings("javascript:alert(1)//{z}{x}{y}", null, null), "tileUrl");
        assertRefused(new PortalSettings(null, "x".repeat(501), null), "tileAttribution");
        assertRefused(new PortalSettings(null, null, "{\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}"), "boundary");
        assertRefused(new PortalSettings(null, null, "{\"type\": \"Polygon\""), "boundary");
    }

    private static void assertRefused(PortalSettings settings, String where) {
        assertThatThrownBy(() -> PortalSettingsStore.validate(settings)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.where()).isEqualTo(where);
                });
    }
}
