package de.gemeinwerk.portal.live;

import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.portal.PortalSeed;
import de.gemeinwerk.portal.PortalTestBase;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's event stream over real HTTP: what a write of each kind sends, and to whom. */
class LiveUpdatesTest extends PortalTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);


    /** One "event: name / data: …" of a stream. */
    record Event(String name, String data) {}

    @Test
    void aNewObservationReachesTheOpenMapsOfItsTenantOnly() throws Exception {
        PortalSeed seed = seed("live");
        PortalSeed neighbour = seed("livenachbar");
        try (Stream mine = open(seed); Stream theirs = open(neighbour)) {
            assertThat(mine.next().name()).isEqualTo("hello");
            assertThat(theirs.next().name()).isEqualTo("hello");

            seed.sta.create("Datastreams(" + seed.waterLevel + ")/Observations",
                    "{\"phenomenonTime\": \"2099-01-01T00:00:00Z\", \"result\": 93.75}");
            Event latest = mine.next();
            assertThat(latest.name()).isEqualTo("latest");
            assertThat(latest.data()).contains("\"Datastream@iot.id\":" + seed.waterLevel, "\"result\":93.75",
                    "\"phenomenonTime\":\"2099-01-01T00:00:00Z\"");

            // a new Thing: the map reloads its Things
            seed.sta.create("Things", "{\"name\": \"Neue Bank\", \"description\": \"am Teich\"}");
            assertThat(mine.next().name()).isEqualTo("things");

            // the neighbour saw none of it; its own Observation it sees
            neighbour.sta.create("Datastreams(" + neighbour.freeSpaces + ")/Observations",
                    "{\"phenomenonTime\": \"2099-01-01T00:00:00Z\", \"result\": 4}");
            Event own = theirs.next();
            assertThat(own.name()).isEqualTo("latest");
            assertThat(own.data()).contains("\"Datastream@iot.id\":" + neighbour.freeSpaces)
                    .doesNotContain("93.75");
        }
    }

    @Test
    void noStreamForUnknownOrPrivateTenants() {
        Tenant hidden = privateTenant("livegeheim");
        TestHttp http = new TestHttp(port);
        for (String slug : List.of("keine-gemeinde", hidden.slug())) {
            HttpResponse<String> response = http.get("/" + slug + "/portal/live", null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private Stream open(PortalSeed seed) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/" + seed.sta.tenant().slug() + "/portal/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Stream(client, response);
    }

    /** Reads the events of one stream on a thread of its own, so a test can wait for the next with a limit. */
    static final class Stream implements AutoCloseable {
        private final HttpClient client;
        private final HttpResponse<java.io.InputStream> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        Stream(HttpClient client, HttpResponse<java.io.InputStream> response) {
            this.client = client;
            this.response = response;
            Thread.ofVirtual().start(this::read);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                List<String> data = new ArrayList<>();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(name, String.join("\n", data)));
                        name = "message";
                        data = new ArrayList<>();
                    }
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream
            }
        }

        Event next() throws InterruptedException {
            Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within %s", WAIT).isNotNull();
            return event;
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            client.close();
        }
    }
}
