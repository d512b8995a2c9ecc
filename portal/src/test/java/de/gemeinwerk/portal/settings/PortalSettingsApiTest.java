package de.gemeinwerk.portal.settings;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.portal.PortalSeed;
import de.gemeinwerk.portal.PortalTestBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings over the admin HTTP API, and what the map page makes of them. */
class PortalSettingsApiTest extends PortalTestBase {

    private static final String BODY = """
            {"tileUrl": "https://tiles.example.org/{z}/{x}/{y}.png", "tileAttribution": "© Beispiel",
             "boundary": {"type": "Polygon", "coordinates": [[[9.49, 51.29], [9.51, 51.29], [9.51, 51.31],
                          [9.49, 51.31], [9.49, 51.29]]]}}""";


    @Test
    void adminSetsBaseMapAndBoundaryWhichTheMapPageUses() {
        PortalSeed seed = seed("karte");
        PortalSeed other = seed("kartenachbar");
        TestHttp http = new TestHttp(port);
        String path = "/" + seed.sta.tenant().slug() + "/admin/v1/portal-settings";

        assertThat(http.sendJson("PUT", path, BODY, null).statusCode()).isEqualTo(401);
        assertThat(http.sendJson("PUT", path, BODY, other.sta.key()).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = http.sendJson("PUT", path, "{\"boundary\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}",
                seed.sta.key());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"where\":\"boundary\"");
        assertThat(http.sendJson("PUT", path, "{\"tileURL\": \"x\"}", seed.sta.key()).statusCode()).isEqualTo(400);

        HttpResponse<String> saved = http.sendJson("PUT", path, BODY, seed.sta.key());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(http.get(path, seed.sta.key()).body()).contains("\"tileUrl\":\"https://tiles.example.org/{z}/{x}/{y}.png\"",
                "\"type\":\"Polygon\"");

        HttpResponse<String> mapPage = http.get("/" + seed.sta.tenant().slug() + "/portal/karte", null);
        assertThat(mapPage.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self' data: https://tiles.example.org;"));
        String map = mapPage.body();
        assertThat(map).contains("data-tiles=\"https://tiles.example.org/{z}/{x}/{y}.png\"",
                "data-attribution=\"© Beispiel\"", "data-boundary=\"{&quot;type&quot;: &quot;Polygon&quot;");
        // the neighbour's map is untouched
        assertThat(http.get("/" + other.sta.tenant().slug() + "/portal/karte", null).body())
                .doesNotContain("data-tiles", "data-boundary");

        // nothing set again: no base map
        assertThat(http.sendJson("PUT", path, "{}", seed.sta.key()).statusCode()).isEqualTo(200);
        assertThat(http.get("/" + seed.sta.tenant().slug() + "/portal/karte", null).body()).doesNotContain("data-tiles");
    }
}
