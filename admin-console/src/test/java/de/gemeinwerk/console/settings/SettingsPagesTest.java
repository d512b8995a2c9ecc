package de.gemeinwerk.console.settings;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings page over real HTTP: name, logo (and its refusals), boundary, base map; shown on the portal. */
class SettingsPagesTest extends ConsoleTestBase {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""
            + " height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>";
    static final String BOUNDARY = "{\"type\": \"Polygon\", \"coordinates\": [[[9.49, 51.29], [9.51, 51.29],"
            + " [9.51, 51.31], [9.49, 51.31], [9.49, 51.29]]]}";

    private static final Map<String, String> VALID = Map.of("name", "Gemeinde Neustadt", "boundary", BOUNDARY,
            "tileUrl", "https://tiles.example.org/{z}/{x}/{y}.png", "tileAttribution", "© Beispiel");

    @Test
    void settingsAreSavedAndTheLogoIsShownOnThePortal() {
        StaClient sta = tenantWithAccount("settings");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "einstellungen";
        HttpResponse<String> saved = browser.upload(page, page, VALID, "logo", "wappen.png", PNG);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(tenants.require(sta.tenant().slug()).name()).isEqualTo("Gemeinde Neustadt");
        HttpResponse<String> again = browser.get(page + "?gespeichert");
        assertThat(again.body()).contains("Gespeichert.").contains("value=\"https://tiles.example.org/{z}/{x}/{y}.png\"")
                .contains("9.49").contains("einstellungen/logo?v=");

        HttpResponse<String> portal = new TestHttp(port).get("/" + sta.tenant().slug() + "/portal/", null);
        assertThat(portal.body()).contains("/" + sta.tenant().slug() + "/portal/logo?v=").contains("Gemeinde Neustadt");
        HttpResponse<String> logo = new TestHttp(port).get("/" + sta.tenant().slug() + "/portal/logo", null);
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> api = new TestHttp(port).get("/" + sta.tenant().slug() + "/admin/v1/portal-settings",
                sta.key());
        assertThat(api.body()).contains("tiles.example.org").contains("© Beispiel");
    }

    @Test
    void anSvgLogoIsServedSandboxed() {
        StaClient sta = tenantWithAccount("settings");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "einstellungen";
        assertThat(browser.upload(page, page, VALID, "logo", "wappen.svg", SVG.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(303);
        HttpResponse<String> logo = new TestHttp(port).get("/" + sta.tenant().slug() + "/portal/logo", null);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(logo.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("sandbox").contains("default-src 'none'");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // removing it: the portal shows none
        assertThat(browser.submit(page, page, Map.of("name", "Gemeinde Neustadt", "removeLogo", "1")).statusCode())
                .isEqualTo(303);
        assertThat(new TestHttp(port).get("/" + sta.tenant().slug() + "/portal/logo", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void logoUploadsThatAreNoImageOrTooLargeAreRefused() {
        StaClient sta = tenantWithAccount("settings");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "einstellungen";
        // what the name or the claimed type says does not count: the bytes do
        HttpResponse<String> html = browser.upload(page, page, VALID, "logo", "wappen.png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("href=\"#logo\"").contains("PNG-, JPEG-, WebP- oder SVG-Datei");
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(PNG);
        big.writeBytes(new byte[600 * 1024]);
        assertThat(browser.upload(page, page, VALID, "logo", "gross.png", big.toByteArray()).statusCode())
                .isEqualTo(400);
        // far beyond the logo's limit, but within the server's upload limit: the form says so
        HttpResponse<String> huge = browser.upload(page, page, VALID, "logo", "riesig.png", new byte[3 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("href=\"#logo\"");
        // nothing of the refused forms was saved
        assertThat(tenants.require(sta.tenant().slug()).name()).isNotEqualTo("Gemeinde Neustadt");
        assertThat(new TestHttp(port).get("/" + sta.tenant().slug() + "/portal/logo", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badSettingsGetTheFormAgainWithEveryErrorNamed() {
        StaClient sta = tenantWithAccount("settings");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "einstellungen";
        HttpResponse<String> bad = browser.submit(page, page, Map.of("name", "", "boundary",
                "{\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}", "tileUrl", "javascript:alert(1)"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#name\"").contains("href=\"#boundary\"")
                .contains("Die Gemeindegrenze muss").contains("&quot;type&quot;: &quot;Point&quot;");
        HttpResponse<String> badTiles = browser.submit(page, page, Map.of("name", "X", "tileUrl",
                "https://tiles.example.org/tile.png"));
        assertThat(badTiles.statusCode()).isEqualTo(400);
        assertThat(badTiles.body()).contains("href=\"#tileUrl\"");
        assertThat(tenants.require(sta.tenant().slug()).name()).isNotEqualTo("X");
    }
}
