package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.portal.PortalSeed;
import de.gemeinwerk.portal.PortalTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages as a browser without JavaScript gets them: what the first paint shows, languages, 404s, tenancy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesTest extends PortalTestBase {


    PortalSeed seed;
    PortalSeed other;
    Tenant hidden;
    TestHttp http;

    @BeforeAll
    void createMunicipalities() {
        seed = seed("seiten");
        // more Datastreams without any Observation than the start page shows values: they must not crowd them out
        long occupied = seed.sta.create("ObservedProperties",
                "{\"name\": \"Belegt\", \"definition\": \"x\", \"description\": \"Belegt\"}");
        for (int i = 0; i < 13; i++) {
            seed.sta.create("Things(" + seed.carPark + ")/Datastreams", """
                    {"name": "Stellplatz %d", "description": "noch ohne Sensor", "unitOfMeasurement": {"name": "Anzahl",
                     "symbol": "{count}", "definition": "x"}, "observationType":
                     "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                     "ObservedProperty": {"@iot.id": %d},
                     "Sensor": {"name": "s", "description": "s", "encodingType": "text/html", "metadata": "x"}}"""
                    .formatted(i, occupied));
        }
        other = seed("nachbar");
        hidden = privateTenant("verborgen");
        http = new TestHttp(port);
    }

    private String portal(PortalSeed s) {
        return "/" + s.sta.tenant().slug() + "/portal";
    }

    @Test
    void landingPageListsPublicMunicipalitiesOnly() {
        HttpResponse<String> page = http.get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"de\"", "href=\"" + portal(seed) + "/\"", "Zum Inhalt springen")
                .doesNotContain(hidden.slug(), "Verborgenes Dorf");
    }

    @Test
    void startPageShowsLatestValuesWithTheirTimeWithoutJavaScript() {
        HttpResponse<String> page = http.get(portal(seed) + "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Test seiten</h1>", "an 3 Messstellen", "87,25", "<abbr class=\"unit\">cm</abbr>", "<abbr class=\"unit\">°C</abbr>",
                        "href=\"" + portal(seed) + "/dinge/" + seed.gauge + "\"", "<time datetime=\"",
                        "Wasserstand", "Freie Stellplätze", portal(seed) + "/karte")
                // what is measured, and where: the gauge alone, the 13 new Datastreams without values
                .containsPattern("<strong>Wasserstand</strong>\\s*<span class=\"points\">– an einer Messstelle</span>")
                .containsPattern("<strong>Belegt</strong>\\s*<span class=\"points\">– an 13 Messstellen</span>")
                // a UCUM annotation is no unit for a reader
                .doesNotContain("{count}", "<script");
        // without the trailing slash it is the same page
        assertThat(http.get(portal(seed), null).body()).contains("87,25");
    }

    @Test
    void englishOnRequestAndKeptInACookie() {
        HttpResponse<String> english = http.get(portal(seed) + "/?lang=en", null);
        assertThat(english.body()).contains("<html lang=\"en\"", "Latest values", "87.25", "Deutsch")
                .doesNotContain("Aktuelle Messwerte");
        String cookie = english.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("gemeinwerk-lang=en");
        HttpResponse<String> next = send(portal(seed) + "/karte", cookie.substring(0, cookie.indexOf(';')));
        assertThat(next.body()).contains("<html lang=\"en\"", "Map of measuring points");
        // an unknown language is ignored: German
        assertThat(http.get(portal(seed) + "/?lang=xx", null).body()).contains("<html lang=\"de\"", "Aktuelle Messwerte");
    }

    @Test
    void thingPageListsItsDatastreamsWithApiLinks() {
        HttpResponse<String> page = http.get(portal(seed) + "/dinge/" + seed.gauge, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Pegel Mühlbach</h1>", "Wasserstand Mühlbach", "87,25",
                "/v1.1/Datastreams(" + seed.waterLevel + ")", "data-range=\"year\"", "Werte als Tabelle anzeigen");
    }

    @Test
    void mapPageWithoutTileUrlNamesNoOtherHost() {
        HttpResponse<String> page = http.get(portal(seed) + "/karte", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"map\"", "/webjars/leaflet/", "data-live=\"")
                .doesNotContain("data-tiles", "https://");
        // and the browser is told so: nothing from elsewhere
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(ContentSecurityPolicy.of(null));
        // the versionless WebJar paths resolve
        assertThat(http.get("/webjars/leaflet/dist/leaflet.js", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/webjars/leaflet-markercluster/leaflet.markercluster.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPrivateAndForeignPagesAre404Pages() {
        String otherThing = portal(seed) + "/dinge/" + other.gauge;
        for (String path : new String[]{"/keine-gemeinde/portal/", "/" + hidden.slug() + "/portal/",
                "/" + hidden.slug() + "/portal/karte", portal(seed) + "/dinge/abc", portal(seed) + "/dinge/0",
                portal(seed) + "/dinge/99999999", otherThing}) {
            HttpResponse<String> page = http.get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Seite nicht gefunden").doesNotContain("Pegel Mühlbach");
        }
        // the other tenant's own page shows it
        assertThat(http.get(portal(other) + "/dinge/" + other.gauge, null).body()).contains("Pegel Mühlbach");
    }

    private HttpResponse<String> send(String path, String cookie) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
