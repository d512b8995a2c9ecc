package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST Datastreams(n)/Observations} over HTTP through the batcher: many at once, the response, the errors. */
@SensorThingsTest
class SinglePostIngestTest {

    private static final String MINIMAL = "return=minimal";
    private static final String REPRESENTATION = "return=representation";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private IngestTenant newTenant() {
        return IngestTenant.create(port, tenants, keys);
    }

    private static String path(StaClient client, long datastream) {
        return client.root() + "/Datastreams(" + datastream + ")/Observations";
    }

    private HttpResponse<String> post(StaClient client, long datastream, String body, String prefer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path(client, datastream)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + client.key()).header("Prefer", prefer).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql, Object... params) {
        return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, params);
    }

    @Test
    void manyConcurrentPostsAreAllAcknowledgedAndStoredExactlyOnce() throws Exception {
        IngestTenant a = newTenant();
        IngestTenant b = newTenant();
        List<StaClient> clients = List.of(a.client(), a.client(), b.client());
        long[] datastreams = {a.datastream(), a.datastream(), b.datastream()};
        int threads = 16;
        int perThread = 200;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                running.add(pool.submit(() -> {
                    for (int value = first; value < first + perThread; value++) {
                        int d = value % datastreams.length;
                        boolean minimal = value % 2 == 0;
                        HttpResponse<String> response = post(clients.get(d), datastreams[d], "{\"result\": " + value + "}",
                                minimal ? MINIMAL : REPRESENTATION);
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                        JsonNode created = StaClient.json(response.body());
                        assertThat(ids.add(created.get("@iot.id").asLong())).isTrue();
                        if (!minimal) {
                            assertThat(created.get("result").asInt()).isEqualTo(value);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }

        assertThat(ids).hasSize(threads * perThread);
        int total = threads * perThread;
        for (int d = 0; d < datastreams.length; d++) {
            long expected = (total - d + datastreams.length - 1) / datastreams.length;
            assertThat(count("select count(*) from sta_observation where datastream_id = ?", datastreams[d]))
                    .isEqualTo(expected);
            assertThat(count("select count(distinct result_number) from sta_observation where datastream_id = ?",
                    datastreams[d])).isEqualTo(expected);
            assertThat(count("select observation_count from sta_datastream_extent where datastream_id = ?", datastreams[d]))
                    .isEqualTo(expected);
        }
    }

    @Test
    void theRepresentationReturnedIsWhatAGetReturnsAfterwards() throws Exception {
        IngestTenant tenant = newTenant();
        HttpResponse<String> created = post(tenant.client(), tenant.datastream(), """
                {"phenomenonTime": "2026-03-01T10:00:00.5+01:00/2026-03-01T10:15:00+01:00",
                 "resultTime": "2026-03-01T09:15:00.123456Z", "result": {"level": [1, 2.5, "hoch"]},
                 "resultQuality": {"b": 1, "a": [true, null]}, "validTime": "2026-03-01T00:00:00Z/2026-03-02T00:00:00Z",
                 "parameters": {"zeichen": "ä\\"\\\\/", "n": 1e3}}""", REPRESENTATION);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = StaClient.json(created.body());
        assertThat(created.headers().firstValue("Location")).hasValue(body.get("@iot.selfLink").asString());
        assertThat(body).isEqualTo(tenant.client().get("Observations(" + body.get("@iot.id").asLong() + ")"));
        assertThat(body.get("phenomenonTime").asString()).isEqualTo("2026-03-01T09:00:00.500Z/2026-03-01T09:15:00Z");
    }

    @Test
    void timesBeforeTheCommonEraAndBeyondYear9999AreStoredAsGiven() throws Exception {
        IngestTenant tenant = newTenant();
        HttpResponse<String> created = post(tenant.client(), tenant.datastream(), """
                {"result": 1, "phenomenonTime": "0000-06-01T12:00:00.000001Z",
                 "validTime": "-0044-03-15T00:00:00Z/+12345-01-01T00:00:00Z"}""", REPRESENTATION);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = StaClient.json(created.body()).get("@iot.id").asLong();
        assertThat(new JdbcTemplate(dataSource).queryForObject("select concat_ws('|',"
                + " phenomenon_time_start at time zone 'UTC', valid_time_start at time zone 'UTC',"
                + " valid_time_end at time zone 'UTC') from sta_observation where id = ?", String.class, id))
                .isEqualTo("0001-06-01 12:00:00.000001 BC|0045-03-15 00:00:00 BC|12345-01-01 00:00:00");
    }

    @Test
    void aMinimalResponseHasOnlyTheIdAndSelfLink() throws Exception {
        IngestTenant tenant = newTenant();
        HttpResponse<String> created = post(tenant.client(), tenant.datastream(), "{\"result\": 7}", MINIMAL);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = StaClient.json(created.body());
        assertThat(body.propertyNames()).containsExactly("@iot.selfLink", "@iot.id");
        JsonNode stored = tenant.client().get("Observations(" + body.get("@iot.id").asLong() + ")");
        assertThat(stored.get("result").asInt()).isEqualTo(7);
        assertThat(stored.get("phenomenonTime").isString()).as("defaults to now").isTrue();
    }

    @Test
    void eachBadRequestGetsItsOwnErrorAndStoresNothing() throws Exception {
        IngestTenant a = newTenant();
        IngestTenant b = newTenant();
        long ours = a.datastream();
        long foreign = b.datastream();
        long foreignFeature = b.feature();

        JsonNode notFound = assertProblem(post(a.client(), foreign, "{\"result\": 1}", MINIMAL), 404,
                path(a.client(), foreign));
        assertThat(notFound.get("detail").asString()).isEqualTo("Datastream " + foreign + " does not exist");
        JsonNode feature = assertProblem(post(a.client(), ours,
                "{\"result\": 1, \"FeatureOfInterest\": {\"@iot.id\": " + foreignFeature + "}}", MINIMAL), 400,
                path(a.client(), ours));
        assertThat(feature.get("where").asString()).isEqualTo("body: /FeatureOfInterest");
        JsonNode invalid = assertProblem(post(a.client(), ours, "{\"result\": 1, \"phenomenonTime\": \"gestern\"}",
                MINIMAL), 400, path(a.client(), ours));
        assertThat(invalid.get("where").asString()).isEqualTo("body: /phenomenonTime");
        JsonNode refused = assertProblem(post(a.client(), ours, "{\"result\": 1, \"parameters\": {\"x\": \"\\u0000\"}}",
                MINIMAL), 400, path(a.client(), ours));
        assertThat(refused.get("detail").asString()).contains("cannot be stored");

        assertThat(count("select count(*) from sta_observation where datastream_id in (?, ?)", ours, foreign)).isZero();
        assertThat(count("select count(*) from sta_datastream_extent where datastream_id = ?", ours)).isZero();
    }
}
