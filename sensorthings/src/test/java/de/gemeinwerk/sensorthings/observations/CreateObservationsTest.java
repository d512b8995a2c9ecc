package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST CreateObservations} (Data Array extension) over HTTP: the specification's example, bad rows, tenants. */
@SensorThingsTest
class CreateObservationsTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    /** The request of the specification's example (section "Data Array Extension"), with this test's ids. */
    private static String specificationExample(long datastream1, long datastream2, Object feature3) {
        return """
                [
                  {
                    "Datastream": {"@iot.id": %d},
                    "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                    "dataArray@iot.count": 2,
                    "dataArray": [
                      ["2010-12-23T10:20:00-0700", 20, %s],
                      ["2010-12-23T10:21:00-0700", 30, %s]
                    ]
                  },
                  {
                    "Datastream": {"@iot.id": %d},
                    "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                    "dataArray@iot.count": 2,
                    "dataArray": [
                      ["2010-12-23T10:20:00-0700", 65, %s],
                      ["2010-12-23T10:21:00-0700", 60, %s]
                    ]
                  }
                ]""".formatted(datastream1, "%1$s", "%1$s", datastream2, "%2$s", "%1$s");
    }

    private static String example(long datastream1, long datastream2, long feature, Object thirdRowsFeature) {
        return specificationExample(datastream1, datastream2, null).formatted(feature, thirdRowsFeature);
    }

    private String selfLinkPattern(StaClient client) {
        return "http://localhost:" + port + client.root().replace(".", "\\.") + "/Observations\\(\\d+\\)";
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return StaClient.json(response.body());
    }

    @Test
    void storesTheSpecificationsExampleAndAnswersWithOneSelfLinkPerRow() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        long first = tenant.datastream();
        long second = tenant.datastream();
        long feature = tenant.feature();

        JsonNode links = created(tenant.client().send("POST", "CreateObservations",
                example(first, second, feature, feature)));

        assertThat(links.isArray()).isTrue();
        assertThat(links).hasSize(4).allSatisfy(link -> assertThat(link.asString()).matches(selfLinkPattern(tenant.client())));
        List<String> stored = new ArrayList<>();
        for (JsonNode link : links) {
            JsonNode observation = tenant.client().follow(link.asString());
            stored.add(observation.get("phenomenonTime").asString() + " " + observation.get("result").asInt());
        }
        assertThat(stored).containsExactly("2010-12-23T17:20:00Z 20", "2010-12-23T17:21:00Z 30",
                "2010-12-23T17:20:00Z 65", "2010-12-23T17:21:00Z 60");
        assertThat(tenant.client().get("Datastreams(" + first + ")/Observations?$count=true").get("@iot.count").asLong())
                .isEqualTo(2);
    }

    @Test
    void answersTheSpecificationsExampleResponseWhenTheThirdRowFails() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        long first = tenant.datastream();
        long second = tenant.datastream();
        long feature = tenant.feature();

        JsonNode links = created(tenant.client().send("POST", "CreateObservations",
                example(first, second, feature, Long.MAX_VALUE)));

        assertThat(links).hasSize(4);
        assertThat(links.get(2).asString()).isEqualTo("error");
        for (int row : new int[] {0, 1, 3}) {
            assertThat(links.get(row).asString()).matches(selfLinkPattern(tenant.client()));
        }
        assertThat(tenant.client().get("Datastreams(" + second + ")/Observations").get("value")).hasSize(1);
    }

    @Test
    void reportsEachBadRowAsErrorAndStoresTheGoodOnes() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        long datastream = tenant.datastream();

        JsonNode links = created(tenant.client().send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d},
                  "components": ["phenomenonTime", "result", "resultTime", "FeatureOfInterest/id"],
                  "dataArray": [
                    ["2024-05-01T12:00:00Z", 1, "2024-05-01T12:00:01Z", null],
                    ["yesterday", 2, null, null],
                    ["2024-05-01T12:02:00Z", 3, null, "not an id"],
                    ["2024-05-01T12:03:00Z", 4],
                    ["2024-05-01T12:04:00Z", 5, null, %d],
                    "not a row",
                    ["2024-05-01T12:06:00Z", 6, null, null]
                  ]},
                 {"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                  "dataArray": [["2024-05-01T12:00:00Z", 7]]},
                 {"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "colour"],
                  "dataArray": [["2024-05-01T12:00:00Z", "red"]]}]"""
                .formatted(datastream, Long.MAX_VALUE, Long.MAX_VALUE, datastream)));

        List<String> outcomes = new ArrayList<>();
        links.forEach(link -> outcomes.add(link.asString().equals("error") ? "error" : "stored"));
        assertThat(outcomes).containsExactly("stored", "error", "error", "error", "error", "error", "stored",
                "error", "error");
        JsonNode stored = tenant.client().get("Datastreams(" + datastream + ")/Observations?$orderby=result");
        List<Integer> results = new ArrayList<>();
        stored.get("value").forEach(o -> results.add(o.get("result").asInt()));
        assertThat(results).containsExactly(1, 6);
    }

    @Test
    void aDatastreamOfAnotherTenantIsAnErrorRowAndGetsNothing() {
        IngestTenant mine = IngestTenant.create(port, tenants, keys);
        IngestTenant other = IngestTenant.create(port, tenants, keys);
        long myDatastream = mine.datastream();
        long theirDatastream = other.datastream();

        JsonNode links = created(mine.client().send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "components": ["result"], "dataArray": [[1], [2]]},
                 {"Datastream": {"@iot.id": %d}, "components": ["result"], "dataArray": [[3]]}]"""
                .formatted(theirDatastream, myDatastream)));

        assertThat(links.get(0).asString()).isEqualTo("error");
        assertThat(links.get(1).asString()).isEqualTo("error");
        assertThat(links.get(2).asString()).matches(selfLinkPattern(mine.client()));
        assertThat(other.client().get("Datastreams(" + theirDatastream + ")/Observations?$count=true")
                .get("@iot.count").asLong()).isZero();
    }

    @Test
    void storesManyRowsInChunksWithinOneRequest() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        long datastream = tenant.datastream();
        StringBuilder rows = new StringBuilder();
        int count = 12_345;
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append("[").append(i).append("]");
        }

        JsonNode links = created(tenant.client().send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "components": ["result"], "dataArray": [%s]}]"""
                .formatted(datastream, rows)));

        assertThat(links).hasSize(count).noneMatch(link -> link.asString().equals("error"));
        assertThat(tenant.client().get("Datastreams(" + datastream + ")/Observations?$count=true&$top=1")
                .get("@iot.count").asLong()).isEqualTo(count);
    }

    @Test
    void refusesABodyOfTheWrongShapeNamingWhere() {
        StaClient client = IngestTenant.create(port, tenants, keys).client();
        String path = client.root() + "/CreateObservations";

        assertThat(assertProblem(client.send("POST", "CreateObservations", "{}"), 400, path).get("where").asString())
                .isEqualTo("/");
        assertThat(assertProblem(client.send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": 1}, "dataArray": []}]"""), 400, path).get("where").asString())
                .isEqualTo("/0/components");
        assertThat(assertProblem(client.send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": 1}, "components": ["result"], "dataArray": []},
                 {"Datastream": "one", "components": ["result"], "dataArray": []}]"""), 400, path)
                .get("where").asString()).isEqualTo("/1/Datastream");
    }

    @Test
    void needsAWriteKey() {
        StaClient anonymous = IngestTenant.create(port, tenants, keys).client().withKey(null);

        assertThat(anonymous.send("POST", "CreateObservations", "[]").statusCode()).isEqualTo(401);
    }
}
