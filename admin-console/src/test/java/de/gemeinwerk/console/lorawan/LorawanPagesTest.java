package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.lorawan.admin.DeviceAdministration;
import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.lorawan.uplink.UplinkLocation;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's LoRaWAN pages and job page over HTTP, signed in as a tenant's staff member. */
class LorawanPagesTest extends ConsoleTestBase {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @Autowired
    UplinkSink sink;
    @Autowired
    DeviceTypes types;
    @Autowired
    DeviceAdministration administration;

    private StaClient sta;
    private ConsoleClient browser;
    private String lorawan;

    @BeforeEach
    void signIn() {
        sta = tenantWithAccount("lwpages");
        browser = signedIn(sta.tenant());
        lorawan = browser.console() + "lorawan/";
    }

    @Test
    void everyPageShowsForTheSignedInStaff() {
        long builtIn = typeId("dragino-laq4");
        for (String page : List.of("", "geraete", "geraete/neu", "geraete/import", "quarantaene", "geraetetypen",
                "geraetetypen/neu", "geraetetypen/" + builtIn, "verbindungen")) {
            HttpResponse<String> response = browser.get(lorawan + page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("<h1").doesNotContain("??console.");
        }
        assertThat(browser.get(lorawan + "geraetetypen/" + builtIn).body()).contains("decodeUplink", "/CO2_ppm");
        assertThat(browser.get(lorawan + "geraete?lang=en").body()).contains("Register a device");
    }

    @Test
    void adoptingAllUnknownDevicesIsAJobWhosePageReachesTheEnd() {
        keep("a84041700000000", 3);
        HttpResponse<String> list = browser.get(lorawan + "quarantaene");
        assertThat(list.body()).contains("a840417000000001", "a840417000000003");

        HttpResponse<String> started = browser.submit(lorawan + "quarantaene", lorawan + "quarantaene/uebernehmen",
                Map.of("auswahl", "alle", "deviceType", String.valueOf(typeId("dragino-laq4")),
                        "namePattern", "Luft {n}", "description", ""));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String job = started.headers().firstValue("Location").orElseThrow();
        assertThat(job).matches(browser.console().replace("/", "\\/") + "auftraege/\\d+");
        JsonNode status = awaitEnd(job);
        assertThat(status.get("done").asInt()).isEqualTo(3);
        assertThat(status.get("startedBy").asString()).isEqualTo("Erika Mustermann");
        HttpResponse<String> page = browser.get(job);
        assertThat(page.body()).contains("3 von 3", "<progress", "value=\"3\"", "Zu den Geräten")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(browser.get(lorawan + "geraete").body()).contains("Luft 1", "Luft 2", "Luft 3");
        assertThat(browser.get(lorawan + "quarantaene").body()).doesNotContain("a840417000000001");
        assertThat(browser.get(lorawan).body()).contains(job.substring(job.indexOf("/verwaltung/") + 12) + "\"",
                "3 von 3 – fertig");
    }

    @Test
    void adoptingNothingOrWithoutATypeComesBackWithTheErrors() {
        keep("a84041710000000", 1);

        HttpResponse<String> refused = browser.submit(lorawan + "quarantaene", lorawan + "quarantaene/uebernehmen",
                Map.of("auswahl", "markierte", "deviceType", "", "namePattern", "{name}"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("error-summary", "href=\"#auswahl\"", "href=\"#bulkDeviceType\"");
        HttpResponse<String> badPattern = browser.submit(lorawan + "quarantaene", lorawan + "quarantaene/uebernehmen",
                Map.of("auswahl", "markierte", "devEui", "a840417100000001",
                        "deviceType", String.valueOf(typeId("dragino-laq4")), "namePattern", "{name}"));
        assertThat(badPattern.statusCode()).isEqualTo(400);
        assertThat(badPattern.body()).contains("href=\"#namePattern\"");
    }

    @Test
    void aDeviceThatCannotBeAdoptedIsNamedOnTheJobPage() {
        keep("a84041740000000", 1);
        String type = String.valueOf(typeId("dragino-laq4"));
        String list = lorawan + "quarantaene";
        String token = browser.csrf(list);
        // registered meanwhile (over the API), between showing the list and submitting it
        administration.register(sta.tenant().id(), new DeviceRegistration("a840417400000001", "Schon da", null,
                Long.valueOf(type), null, null));

        HttpResponse<String> started = browser.post(lorawan + "quarantaene/uebernehmen", Map.of("_csrf", token,
                "auswahl", "markierte", "devEui", "a840417400000001", "deviceType", type, "namePattern", "{n}"));
        String job = started.headers().firstValue("Location").orElseThrow();
        assertThat(awaitEnd(job).get("failed").asInt()).isEqualTo(1);

        assertThat(browser.get(job).body()).contains("Was nicht geklappt hat", "a840417400000001",
                "registered already", "Ein Eintrag hat nicht geklappt.");
    }

    @Test
    void aRegisteredDevicesKeptUplinksAreProcessedAgainOnceTheCauseIsFixed() {
        long type = typeId("dragino-laq4");
        administration.register(sta.tenant().id(), new DeviceRegistration("a840417500000001", "Ohne Ort", null,
                type, null, null));
        ObjectNode decoded = (ObjectNode) JsonMapper.shared().readTree("{\"CO2_ppm\": 450}");
        // neither the device nor its uplink has a position: its Thing cannot be made, the uplink is kept
        assertThat(sink.submit(sta.tenant().id(), new Uplink(NetworkServer.CHIRPSTACK, "a840417500000001", "ohne-ort",
                T0, 1L, 2, new byte[] {1}, decoded, "key-ohne-ort", List.of(), null)).join())
                .isEqualTo(IngestOutcome.QUARANTINED);
        String list = lorawan + "quarantaene";
        assertThat(browser.get(list).body()).contains("Erneut verarbeiten", "no location");

        administration.replace(sta.tenant().id(), "a840417500000001", new DeviceRegistration(null, "Mit Ort", null,
                type, JsonMapper.shared().readTree("{\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}"), null));
        HttpResponse<String> replayed = browser.submit(list, list + "/a840417500000001/erneut", Map.of());

        assertThat(replayed.statusCode()).isEqualTo(303);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("quarantaene?erledigt=erneut"));
        assertThat(browser.get(replayed.headers().firstValue("Location").orElseThrow()).body())
                .contains("Die Nachrichten sind jetzt Messwerte.").doesNotContain("a840417500000001");
        assertThat(sta.get("Observations?$count=true").get("@iot.count").asInt()).isEqualTo(1);
    }

    @Test
    void oneDeviceIsAdoptedOrDiscardedFromItsOwnPage() {
        keep("a84041720000000", 2);
        String adopt = lorawan + "quarantaene/a840417200000001/uebernehmen";
        assertThat(browser.get(adopt).body()).contains("sensor-a840417200000001");

        HttpResponse<String> adopted = browser.submit(adopt, adopt, Map.of("name", "Luft Schule",
                "deviceType", String.valueOf(typeId("dragino-laq4")), "latitude", "", "longitude", "", "altitude", ""));
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(303);
        assertThat(browser.get(adopted.headers().firstValue("Location").orElseThrow()).body())
                .contains("Luft Schule", "übernommen");

        String discard = lorawan + "quarantaene/a840417200000002/verwerfen";
        assertThat(browser.get(discard).body()).contains("a840417200000002");
        assertThat(browser.submit(discard, discard, Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get(discard).statusCode()).isEqualTo(404);
    }

    @Test
    void aDeviceIsRegisteredEditedAndDeleted() {
        String form = lorawan + "geraete/neu";
        HttpResponse<String> refused = browser.submit(form, form, device("24E12471", "", "", "95", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#devEui\"", "href=\"#name\"", "href=\"#deviceType\"",
                "href=\"#latitude\"");

        String type = String.valueOf(typeId("milesight-em500-udl"));
        HttpResponse<String> registered = browser.submit(form, form,
                device("24E1247131000001", "Füllstand Bahnhof", type, "51,2981", "9,4942"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(303);
        String page = lorawan + "geraete/24e1247131000001";
        assertThat(browser.get(page).body()).contains("Füllstand Bahnhof", "value=\"51.2981\"", "value=\"9.4942\"");
        HttpResponse<String> twice = browser.submit(form, form,
                device("24e1247131000001", "Noch einmal", type, "", ""));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("schon registriert");

        assertThat(browser.submit(page, page, device(null, "Füllstand Hauptbahnhof", type, "", "")).statusCode())
                .isEqualTo(303);
        assertThat(browser.get(lorawan + "geraete?q=haupt").body()).contains("Füllstand Hauptbahnhof");
        assertThat(browser.get(lorawan + "geraete?q=rathaus").body()).doesNotContain("Füllstand Hauptbahnhof");
        assertThat(browser.submit(page + "/loeschen", page + "/loeschen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedCsvFileIsNamedByLineAndColumnAndAGoodOneBecomesAJob() {
        String form = lorawan + "geraete/import";
        HttpResponse<String> refused = browser.upload(form, form, Map.of(), "datei", "geraete.csv",
                ("DevEUI;Name;Gerätetyp;Breite;Länge\r\n24E1247131000002;Pegel;milesight-em500-swl;51,3;9,5\r\n"
                        + "24E1247131000002;Pegel 2;milesight-em500-swl;51,3;9,5\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Zeile 3, Spalte 1 (devEui)", "href=\"#datei\"");
        assertThat(browser.upload(form, form, Map.of(), "datei", "leer.csv", new byte[0]).statusCode())
                .isEqualTo(400);

        HttpResponse<String> started = browser.upload(form, form, Map.of(), "datei", "geraete.csv",
                "DevEUI;Name;Gerätetyp;Breite;Länge\r\n24E1247131000002;Pegel Fulda;milesight-em500-swl;51,3;9,5\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(awaitEnd(started.headers().firstValue("Location").orElseThrow()).get("done").asInt()).isEqualTo(1);
        assertThat(browser.get(lorawan + "geraete").body()).contains("Pegel Fulda");
    }

    @Test
    void ownDeviceTypesAreCreatedWithTheirMappingsAndOthersCannotBeChanged() {
        String form = lorawan + "geraetetypen/neu";
        HttpResponse<String> refused = browser.submit(form, form, Map.of("key", "pegel", "name", "Pegel",
                "description", "", "decoder", "function decodeUplink(input) { return {data: {}}; ",
                "datastreams", "[{\"field\": \"/level\"}"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#datastreams\"");

        HttpResponse<String> created = browser.submit(form, form, Map.of("key", "pegel", "name", "Pegel",
                "description", "Drucksonde", "shared", "ja", "decoder", "", "datastreams",
                "[{\"field\": \"/level\", \"name\": \"Wasserstand\", \"observedProperty\": {\"name\": \"Wasserstand\","
                        + " \"definition\": \"https://example.org/level\"}, \"unitOfMeasurement\": {\"name\": \"Zentimeter\","
                        + " \"symbol\": \"cm\", \"definition\": \"http://unitsofmeasure.org/ucum.html#cm\"},"
                        + " \"observationType\": \"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\"}]"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow().replace("?erledigt=gespeichert", "");
        assertThat(browser.get(page).body()).contains("Wasserstand", "/level", "Zentimeter (cm)");
        assertThat(browser.get(page + "/bearbeiten").statusCode()).isEqualTo(200);
        assertThat(browser.get(lorawan + "geraetetypen/" + typeId("dragino-laq4") + "/bearbeiten").statusCode())
                .isEqualTo(404);
        assertThat(browser.get(lorawan + "geraetetypen/" + typeId("dragino-laq4") + "/loeschen").statusCode())
                .isEqualTo(404);

        // a type in use stays; an unused one is deleted after asking
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        administration.register(sta.tenant().id(), new DeviceRegistration("a840417600000001", "Pegel 1", null, id,
                null, null));
        HttpResponse<String> inUse = browser.submit(page + "/loeschen", page + "/loeschen", Map.of());
        assertThat(inUse.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("?erledigt=in-gebrauch"));
        assertThat(browser.get(page + "?erledigt=in-gebrauch").body()).contains("bleibt daher");
        administration.delete(sta.tenant().id(), "a840417600000001");
        assertThat(browser.submit(page + "/loeschen", page + "/loeschen", Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void webhooksShowTheirSecretOnceAndMqttErrorsComeBackWithoutThePassword() {
        String page = lorawan + "verbindungen";
        HttpResponse<String> created = browser.submit(page, page + "/webhooks",
                Map.of("name", "ChirpStack der Stadtwerke", "networkServer", "chirpstack"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("/lorawan/v1/chirpstack");
        Matcher secret = Pattern.compile("<code class=\"secret\">(gw_[^<]+)</code>").matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(browser.get(page).body()).contains("ChirpStack der Stadtwerke").doesNotContain(secret.group(1));
        assertThat(browser.submit(page, page + "/webhooks", Map.of("name", "", "networkServer", "x")).statusCode())
                .isEqualTo(400);

        HttpResponse<String> mqtt = browser.submit(page, page + "/mqtt", Map.of("name", "TTN",
                "networkServer", "the-things-stack", "uri", "http://broker", "username", "app@ttn",
                "password", "NNSXS.geheim", "applicationId", "app", "caCertificate", ""));
        assertThat(mqtt.statusCode()).isEqualTo(400);
        assertThat(mqtt.body()).contains("href=\"#uri\"").doesNotContain("NNSXS.geheim");

        // a broker that does not answer: the connection is listed, with its status, and deleted after asking
        HttpResponse<String> connected = browser.submit(page, page + "/mqtt", Map.of("name", "Stadtwerke",
                "networkServer", "chirpstack", "uri", "tcp://127.0.0.1:9", "username", "", "password", "",
                "applicationId", "b2d4f6a8-3c5e-4f70-8a92-1b3c5d7e9f01", "caCertificate", ""));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(303);
        assertThat(browser.get(page).body()).contains("Stadtwerke", "tcp://127.0.0.1:9",
                "application/b2d4f6a8-3c5e-4f70-8a92-1b3c5d7e9f01/device/+/event/up");
        JsonNode status = JsonMapper.shared().readTree(browser.get(page + "/mqtt/stand").body());
        assertThat(status).hasSize(1);
        String delete = page + "/mqtt/" + status.get(0).get("id").asLong() + "/loeschen";
        assertThat(browser.get(delete).body()).contains("Stadtwerke");
        assertThat(browser.submit(delete, delete, Map.of()).statusCode()).isEqualTo(303);
        assertThat(JsonMapper.shared().readTree(browser.get(page + "/mqtt/stand").body())).isEmpty();

        Matcher webhook = Pattern.compile("verbindungen/webhooks/(\\d+)/loeschen").matcher(browser.get(page).body());
        assertThat(webhook.find()).isTrue();
        String deleteWebhook = page + "/webhooks/" + webhook.group(1) + "/loeschen";
        assertThat(browser.submit(deleteWebhook, deleteWebhook, Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get(page).body()).doesNotContain("ChirpStack der Stadtwerke");
    }

    @Test
    void aJobWhoseInstanceDiedShowsAsInterruptedWithoutRefreshing() {
        // the row a dead instance leaves: running, its heartbeat a minute old
        long id = jdbc.sql("""
                        insert into job (tenant_id, kind, started_by, total, done, heartbeat_at)
                        values (:tenant, 'lorawan-adoption', 'Erika Mustermann', 400, 120, now() - interval '1 minute')
                        returning id""").param("tenant", sta.tenant().id()).query(Long.class).single();

        HttpResponse<String> page = browser.get(browser.console() + "auftraege/" + id);

        assertThat(page.body()).contains("120 von 400", "unterbrochen").doesNotContain("http-equiv=\"refresh\"");
        assertThat(browser.get(browser.console() + "auftraege/" + id + "?lang=en").body()).contains("120 of 400");
        assertThat(browser.get(browser.console() + "auftraege/keine").statusCode()).isEqualTo(404);
    }

    @Test
    void anotherTenantsDevicesAndJobsAreNotFound() {
        keep("a84041730000000", 1);
        HttpResponse<String> started = browser.submit(lorawan + "quarantaene", lorawan + "quarantaene/uebernehmen",
                Map.of("auswahl", "alle", "deviceType", String.valueOf(typeId("dragino-laq4")), "namePattern",
                        "{devEui}"));
        String job = started.headers().firstValue("Location").orElseThrow();
        awaitEnd(job);
        StaClient other = tenantWithAccount("lwother");
        ConsoleClient neighbour = signedIn(other.tenant());
        String theirs = neighbour.console();

        assertThat(neighbour.get(job.replace(browser.console(), theirs)).statusCode()).isEqualTo(404);
        assertThat(neighbour.get(job.replace(browser.console(), theirs) + "/stand").statusCode()).isEqualTo(404);
        assertThat(neighbour.get(theirs + "lorawan/geraete/a840417300000001").statusCode()).isEqualTo(404);
        assertThat(neighbour.get(theirs + "lorawan/geraete").body()).doesNotContain("a840417300000001");
        assertThat(neighbour.get(job).statusCode()).isIn(303, 404);
    }

    /** Keeps uplinks of {@code count} unknown devices {@code prefix}1, {@code prefix}2, … in the quarantine. */
    private void keep(String prefix, int count) {
        for (int d = 1; d <= count; d++) {
            String devEui = prefix + d;
            ObjectNode decoded = (ObjectNode) JsonMapper.shared().readTree("{\"CO2_ppm\": 450}");
            IngestOutcome outcome = sink.submit(sta.tenant().id(), new Uplink(NetworkServer.THE_THINGS_STACK, devEui,
                    "sensor-" + devEui, T0.plusSeconds(d), 1L, 2, new byte[] {1}, decoded, "key-" + devEui,
                    List.of(), new UplinkLocation(51.3, 9.48, null))).join();
            assertThat(outcome).isEqualTo(IngestOutcome.QUARANTINED);
        }
    }

    private JsonNode awaitEnd(String job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> response = browser.get(job + "/stand");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode status = JsonMapper.shared().readTree(response.body());
            if (!status.get("state").asString().equals("running")) {
                return status;
            }
            assertThat(System.nanoTime()).as("the job never ended").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long typeId(String key) {
        return types.usable(sta.tenant().id()).stream().filter(type -> type.key().equals(key) && type.builtIn())
                .findFirst().orElseThrow().id();
    }

    private static Map<String, String> device(String devEui, String name, String type, String latitude,
                                              String longitude) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (devEui != null) {
            fields.put("devEui", devEui);
        }
        fields.put("name", name);
        fields.put("description", "");
        fields.put("deviceType", type);
        fields.put("latitude", latitude);
        fields.put("longitude", longitude);
        fields.put("altitude", "");
        return fields;
    }
}
