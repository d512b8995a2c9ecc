package de.gemeinwerk.console.keys;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.platform.access.ApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key pages over real HTTP: the secret shown once and working, revoking after a confirmation. */
class ApiKeyPagesTest extends ConsoleTestBase {

    private static final Pattern SECRET = Pattern.compile("<textarea id=\"secret\"[^>]*>(gw_[A-Za-z0-9_-]{43})</textarea>");

    @Test
    void aCreatedKeyIsShownOnceAndWorksUntilRevoked() {
        StaClient sta = tenantWithAccount("keys");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "schluessel";
        HttpResponse<String> created = browser.submit(page, page, Map.of("name", "Pegel-Skript", "role", "write"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher secret = SECRET.matcher(created.body());
        assertThat(secret.find()).as(created.body()).isTrue();
        String key = secret.group(1);
        assertThat(sta.withKey(key).send("POST", "Things", "{\"name\": \"n\", \"description\": \"d\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> list = browser.get(page);
        assertThat(list.body()).contains("Pegel-Skript").contains("Lesen und Schreiben").doesNotContain(key);

        long id = keys.listForTenant(sta.tenant().id()).stream().filter(k -> k.name().equals("Pegel-Skript")).findFirst().orElseThrow().id();
        HttpResponse<String> confirm = browser.get(page + "/" + id + "/widerrufen");
        assertThat(confirm.body()).contains("Schlüssel widerrufen?").contains("Pegel-Skript");
        HttpResponse<String> revoked = browser.submit(page + "/" + id + "/widerrufen", page + "/" + id + "/widerrufen",
                Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(browser.get(page + "?widerrufen=" + id).body()).contains("ist widerrufen");
        assertThat(sta.withKey(key).send("POST", "Things", "{\"name\": \"n\", \"description\": \"d\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void badInputGetsTheFormAgainWithA400() {
        StaClient sta = tenantWithAccount("keys");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "schluessel";
        HttpResponse<String> noName = browser.submit(page, page, Map.of("name", "", "role", "read"));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("href=\"#name\"").contains("Geben Sie einen Namen");
        HttpResponse<String> noRole = browser.submit(page, page, Map.of("name", "x"));
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("href=\"#role\"").contains("value=\"x\"");
    }

    @Test
    void anotherTenantsKeyCannotBeRevoked() {
        StaClient a = tenantWithAccount("keys");
        StaClient b = tenantWithAccount("keys");
        ApiKey theirs = keys.create(b.tenant().id(), "Fremder Schlüssel", Role.READ).apiKey();
        ConsoleClient browser = signedIn(a.tenant());
        String revoke = browser.console() + "schluessel/" + theirs.id() + "/widerrufen";
        assertThat(browser.get(revoke).statusCode()).isEqualTo(404);
        assertThat(browser.post(revoke, Map.of("_csrf", browser.csrf(browser.console()))).statusCode())
                .isEqualTo(404);
        assertThat(keys.listForTenant(b.tenant().id())).allMatch(k -> k.revokedAt() == null);
        assertThat(browser.get(browser.console() + "schluessel").body()).doesNotContain("Fremder Schlüssel");
    }
}
