package de.gemeinwerk.console.entities;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleSeed;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The Things and Datastreams pages over real HTTP: lists, search, paging, editing through the API's writer. */
class EntityPagesTest extends ConsoleTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void theListIsPagedAndSearchable() {
        StaClient sta = tenantWithAccount("entities");
        for (int i = 1; i <= 27; i++) {
            ConsoleSeed.thing(sta, String.format("Bank %02d", i));
        }
        ConsoleSeed.thing(sta, "Pegel Mühlbach");
        ConsoleClient browser = signedIn(sta.tenant());
        HttpResponse<String> first = browser.get(browser.console() + "dinge");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("28 Einträge").contains("Bank 01").contains("Seite 1 von 2")
                .doesNotContain("Pegel Mühlbach");
        assertThat(browser.get(browser.console() + "dinge?seite=2").body()).contains("Pegel Mühlbach")
                .doesNotContain("Bank 01");
        HttpResponse<String> found = browser.get(browser.console() + "dinge?suche=M%C3%BCHL");
        assertThat(found.body()).contains("Ein Treffer").contains("Pegel Mühlbach").doesNotContain("Bank 01");
        // quotes in the search are text, not query syntax
        assertThat(browser.get(browser.console() + "dinge?suche=%27%29+or+true").statusCode()).isEqualTo(200);
    }

    @Test
    void badPageNumbersAreA400Page() {
        StaClient sta = tenantWithAccount("entities");
        ConsoleClient browser = signedIn(sta.tenant());
        for (String bad : new String[] {"seite=0", "seite=abc", "seite=99999999999"}) {
            HttpResponse<String> page = browser.get(browser.console() + "datenstroeme?" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(400);
            assertThat(page.body()).contains("Ungültige Anfrage");
        }
    }

    @Test
    void editingADatastreamWritesNameDescriptionAndCategoriesAsTheApiShowsThem() {
        StaClient sta = tenantWithAccount("entities");
        long datastream = ConsoleSeed.datastream(sta, ConsoleSeed.thing(sta, "Pegel"), "Wasserstand");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "datenstroeme/" + datastream;
        assertThat(browser.get(page).body()).contains("value=\"Wasserstand\"").contains("Zentimeter (cm)");
        HttpResponse<String> saved = browser.submit(page, page, Map.of("name", "Wasserstand Mühlbach",
                "description", "Radarpegel an der Brücke", "categories", " Wasser, Hochwasser ,,Wasser "));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(page + "?gespeichert");
        JsonNode api = sta.get("Datastreams(" + datastream + ")");
        assertThat(api.path("name").asString()).isEqualTo("Wasserstand Mühlbach");
        assertThat(api.path("description").asString()).isEqualTo("Radarpegel an der Brücke");
        assertThat(api.path("properties").path("categories").toString()).isEqualTo("[\"Wasser\",\"Hochwasser\"]");
        assertThat(browser.get(page + "?gespeichert").body()).contains("Gespeichert.")
                .contains("value=\"Wasser, Hochwasser\"");
    }

    @Test
    void aChangeMadeWhileASaveWaitsIsKeptNotOverwritten() throws Exception {
        StaClient sta = tenantWithAccount("entities");
        long thing = ConsoleSeed.thing(sta, "Bank");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "dinge/" + thing;
        String token = browser.csrf(page);
        try (Connection other = dataSource.getConnection(); ExecutorService pool = Executors.newSingleThreadExecutor()) {
            other.setAutoCommit(false);
            other.createStatement().execute("select id from sta_thing where id = " + thing + " for update");
            Future<HttpResponse<String>> save = pool.submit(() -> browser.post(page, Map.of("name", "Bank am Markt",
                    "description", "x", "categories", "Sitzen", "_csrf", token)));
            awaitAWaitingLock();
            // someone else's change, committed while the save waits: the save must build on it
            other.createStatement().execute("update sta_thing set properties = '{\"owner\": \"Bauhof\"}' where id = "
                    + thing);
            other.commit();
            assertThat(save.get().statusCode()).isEqualTo(303);
        }
        JsonNode properties = sta.get("Things(" + thing + ")").path("properties");
        assertThat(properties.path("owner").asString()).isEqualTo("Bauhof");
        assertThat(properties.path("categories").toString()).isEqualTo("[\"Sitzen\"]");
    }

    private void awaitAWaitingLock() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database()").query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the save never waited for the row");
    }

    @Test
    void aDatastreamMadePrivateIsHiddenFromThePublicButNotFromTheConsole() {
        StaClient sta = tenantWithAccount("entities");
        long datastream = ConsoleSeed.datastream(sta, ConsoleSeed.thing(sta, "Pegel"), "Geheimer Pegel");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "datenstroeme/" + datastream;
        assertThat(browser.get(page).body()).contains("value=\"public\" id=\"visibility\" checked");
        assertThat(browser.submit(page, page, Map.of("name", "Geheimer Pegel", "description", "x",
                "visibility", "private")).statusCode()).isEqualTo(303);
        assertThat(sta.getRaw("Datastreams(" + datastream + ")").statusCode()).isEqualTo(404);
        assertThat(sta.getWithKey("Datastreams(" + datastream + ")").statusCode()).isEqualTo(200);
        assertThat(browser.get(page).body()).contains("value=\"private\" checked");
        assertThat(browser.get(browser.console() + "datenstroeme").body()).contains("Geheimer Pegel");
        HttpResponse<String> overview = browser.get(browser.console());
        assertThat(overview.body()).containsPattern("count\">1</span>\\s*<span>Datenströme");
        // and back: public again
        browser.submit(page, page, Map.of("name", "Geheimer Pegel", "description", "x", "visibility", "public"));
        assertThat(sta.getRaw("Datastreams(" + datastream + ")").statusCode()).isEqualTo(200);
    }

    @Test
    void editingAThingKeepsItsOtherProperties() {
        StaClient sta = tenantWithAccount("entities");
        long thing = ConsoleSeed.thing(sta, "Pegel");
        long datastream = ConsoleSeed.datastream(sta, thing, "Wasserstand Pegel");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "dinge/" + thing;
        assertThat(browser.get(page).body()).contains("href=\"" + browser.console() + "datenstroeme/" + datastream
                + "\">Wasserstand Pegel</a>");
        assertThat(browser.submit(page, page, Map.of("name", "Pegel Süd", "description", "neu", "categories",
                "Wasser")).statusCode()).isEqualTo(303);
        JsonNode properties = sta.get("Things(" + thing + ")").path("properties");
        assertThat(properties.path("zuständig").asString()).isEqualTo("Bauhof");
        assertThat(properties.path("categories").toString()).isEqualTo("[\"Wasser\"]");
        // no categories: the member goes, the rest stays
        browser.submit(page, page, Map.of("name", "Pegel Süd", "description", "neu", "categories", ""));
        assertThat(sta.get("Things(" + thing + ")").path("properties").has("categories")).isFalse();
    }

    @Test
    void badInputGetsTheFormAgainWithA400AndChangesNothing() {
        StaClient sta = tenantWithAccount("entities");
        long datastream = ConsoleSeed.datastream(sta, ConsoleSeed.thing(sta, "Pegel"), "Wasserstand");
        ConsoleClient browser = signedIn(sta.tenant());
        String page = browser.console() + "datenstroeme/" + datastream;
        HttpResponse<String> empty = browser.submit(page, page, Map.of("name", " ", "description", "x"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("error-summary").contains("href=\"#name\"")
                .contains("Geben Sie einen Namen mit höchstens 200 Zeichen ein.").contains("aria-invalid=\"true\"");
        HttpResponse<String> tooMany = browser.submit(page, page, Map.of("name", "Wasserstand", "description", "x",
                "categories", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("href=\"#categories\"").contains("value=\"a,b,c");
        HttpResponse<String> badVisibility = browser.submit(page, page, Map.of("name", "W", "description", "x",
                "visibility", "halb"));
        assertThat(badVisibility.statusCode()).isEqualTo(400);
        assertThat(sta.get("Datastreams(" + datastream + ")").path("name").asString()).isEqualTo("Wasserstand");
        assertThat(browser.get(browser.console() + "datenstroeme/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void anotherTenantsDatastreamCannotBeOpenedOrChangedByItsId() {
        StaClient a = tenantWithAccount("entities");
        StaClient b = tenantWithAccount("entities");
        long theirs = ConsoleSeed.datastream(b, ConsoleSeed.thing(b, "Fremder Pegel"), "Fremder Wasserstand");
        ConsoleClient browser = signedIn(a.tenant());
        String page = browser.console() + "datenstroeme/" + theirs;
        HttpResponse<String> open = browser.get(page);
        assertThat(open.statusCode()).isEqualTo(404);
        assertThat(open.body()).doesNotContain("Fremder Wasserstand");
        HttpResponse<String> post = browser.post(page, Map.of("_csrf", browser.csrf(browser.console()),
                "name", "Übernommen", "description", "x"));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(b.get("Datastreams(" + theirs + ")").path("name").asString()).isEqualTo("Fremder Wasserstand");
        assertThat(browser.get(browser.console() + "datenstroeme").body()).doesNotContain("Fremder Wasserstand");
        // and b's console itself is closed to a's session
        ConsoleClient intruder = new ConsoleClient(port, b.tenant().slug());
        intruder.setCookie("gemeinwerk-console", browser.cookie("gemeinwerk-console"));
        assertThat(intruder.get(intruder.console() + "datenstroeme/" + theirs).statusCode()).isEqualTo(303);
    }

    @Test
    void pagesSpeakEnglishOnRequest() {
        StaClient sta = tenantWithAccount("entities");
        ConsoleSeed.thing(sta, "Pegel");
        ConsoleClient browser = signedIn(sta.tenant());
        HttpResponse<String> english = browser.get(browser.console() + "dinge?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Search by name or description")
                .contains("One entry");
    }
}
