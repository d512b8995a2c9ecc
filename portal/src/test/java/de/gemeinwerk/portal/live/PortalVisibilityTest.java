package de.gemeinwerk.portal.live;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.portal.PortalSeed;
import de.gemeinwerk.portal.PortalTestBase;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.visibility.Visibility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal reads as the public: a private Thing or Datastream shows on no page, its page is a 404, and the live
 * stream sends no value of it — while a visibility change makes open maps reload their Things.
 */
class PortalVisibilityTest extends PortalTestBase {

    @Autowired
    Visibility visibility;
    @Autowired
    LiveUpdates live;

    @Test
    void privateThingsAndDatastreamsShowNowhereInThePortal() throws Exception {
        PortalSeed seed = seed("privatportal");
        long tenant = seed.sta.tenant().id();
        visibility.setPublic(tenant, EntityType.THING, seed.carPark, false);
        visibility.setPublic(tenant, EntityType.DATASTREAM, seed.waterLevel, false);
        TestHttp http = new TestHttp(port);
        String portal = "/" + seed.sta.tenant().slug() + "/portal";

        HttpResponse<String> start = http.get(portal + "/", null);
        assertThat(start.statusCode()).isEqualTo(200);
        // three Things, one private; the public gauge's only Datastream is private, so it shows no value
        assertThat(start.body()).contains("an 2 Messstellen", "Luftmessstation Rathaus")
                .doesNotContain("Parkplatz Marktplatz", "Pegel Mühlbach");
        assertThat(http.get(portal + "/dinge/" + seed.carPark, null).statusCode()).isEqualTo(404);
        HttpResponse<String> gauge = http.get(portal + "/dinge/" + seed.gauge, null);
        assertThat(gauge.statusCode()).isEqualTo(200);
        assertThat(gauge.body()).contains("Pegel Mühlbach").doesNotContain("Wasserstand Mühlbach");
        assertThat(http.get(portal + "/karte", null).body()).doesNotContain("Parkplatz Marktplatz");

        long temperature = StaClient.json(seed.sta.getWithKey("Things(" + seed.airStation
                + ")/Datastreams?$filter=name eq 'Lufttemperatur Rathaus'").body()).get("value").get(0).get("@iot.id").asLong();
        try (LiveUpdatesTest.Stream stream = open(seed)) {
            assertThat(stream.next().name()).isEqualTo("hello");
            seed.sta.create("Datastreams(" + seed.waterLevel + ")/Observations",
                    "{\"phenomenonTime\": \"2099-01-01T00:00:00Z\", \"result\": 93.75}");
            seed.sta.create("Datastreams(" + seed.freeSpaces + ")/Observations",
                    "{\"phenomenonTime\": \"2099-01-01T00:00:00Z\", \"result\": 94.75}");
            seed.sta.create("Datastreams(" + temperature + ")/Observations",
                    "{\"phenomenonTime\": \"2099-01-01T00:00:00Z\", \"result\": 7.25}");
            LiveUpdatesTest.Event event;
            do {
                event = stream.next();
                assertThat(event.data()).doesNotContain("93.75", "94.75", "\"Datastream@iot.id\":" + seed.waterLevel + ",",
                        "\"Datastream@iot.id\":" + seed.freeSpaces + ",", "{\"value\":[]}");
            } while (!event.data().contains("7.25"));

            // not even an empty event tells that a hidden Datastream got an Observation
            assertThat(live.latest(tenant, List.of(seed.waterLevel, seed.freeSpaces))).isEmpty();
            assertThat(live.latest(tenant, List.of(seed.waterLevel, temperature))).hasSize(1);

            // a Thing that becomes public again: open maps reload their Things
            visibility.setPublic(tenant, EntityType.THING, seed.carPark, true);
            do {
                event = stream.next();
            } while (!event.name().equals("things"));
        }
    }

    private LiveUpdatesTest.Stream open(PortalSeed seed) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/" + seed.sta.tenant().slug() + "/portal/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new LiveUpdatesTest.Stream(client, response);
    }
}
