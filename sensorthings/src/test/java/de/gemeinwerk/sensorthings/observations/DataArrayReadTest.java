package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code $resultFormat=dataArray} (Data Array extension) over HTTP: the specification's example, grouping, paging. */
@SensorThingsTest
class DataArrayReadTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    private static long observation(StaClient client, long datastream, String phenomenonTime, String resultTime,
                                    int result) {
        return client.create("Datastreams(" + datastream + ")/Observations", """
                {"phenomenonTime": "%s", "resultTime": "%s", "result": %d}""".formatted(phenomenonTime, resultTime, result));
    }

    private String serviceRoot(StaClient client) {
        return "http://localhost:" + port + client.root();
    }

    @Test
    void answersAsTheSpecificationsExampleShows() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        long first = observation(client, datastream, "2005-08-05T12:21:13Z", "2005-08-05T12:21:13Z", 20);
        long second = observation(client, datastream, "2005-08-05T12:22:08Z", "2005-08-05T12:21:13Z", 30);
        long third = observation(client, datastream, "2005-08-05T12:22:54Z", "2005-08-05T12:21:13Z", 0);

        JsonNode response = client.get("Datastreams(" + datastream + ")/Observations"
                + "?$resultFormat=dataArray&$select=id,phenomenonTime,resultTime,result");

        assertThat(response).isEqualTo(StaClient.json("""
                {
                  "value": [
                    {
                      "Datastream@iot.navigationLink": "%s/Datastreams(%d)",
                      "components": ["id", "phenomenonTime", "resultTime", "result"],
                      "dataArray@iot.count": 3,
                      "dataArray": [
                        [%d, "2005-08-05T12:21:13Z", "2005-08-05T12:21:13Z", 20],
                        [%d, "2005-08-05T12:22:08Z", "2005-08-05T12:21:13Z", 30],
                        [%d, "2005-08-05T12:22:54Z", "2005-08-05T12:21:13Z", 0]
                      ]
                    }
                  ]
                }""".formatted(serviceRoot(client), datastream, first, second, third)));
    }

    @Test
    void groupsPerDatastreamWithTheSameValuesAsTheNormalFormat() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        StaClient client = tenant.client();
        long one = tenant.datastream();
        long two = tenant.datastream();
        long feature = tenant.feature();
        client.send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d},
                  "components": ["phenomenonTime", "result", "resultQuality", "validTime", "parameters", "FeatureOfInterest/id"],
                  "dataArray": [["2024-01-01T00:00:00Z/2024-01-01T01:00:00Z", {"level": 3}, {"ok": true},
                                 "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z", {"source": "radar"}, %d]]},
                 {"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"],
                  "dataArray": [["2024-01-01T00:00:01Z", "high"], ["2024-01-01T00:00:02Z", 1.5]]}]"""
                .formatted(one, feature, two));

        JsonNode normal = client.get("Observations?$orderby=id");
        JsonNode dataArray = client.get("Observations?$orderby=id&$resultFormat=dataArray&$count=true");

        assertThat(dataArray.get("@iot.count").asLong()).isEqualTo(3);
        JsonNode groups = dataArray.get("value");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("Datastream@iot.navigationLink").asString())
                .isEqualTo(serviceRoot(client) + "/Datastreams(" + one + ")");
        assertThat(groups.get(1).get("dataArray@iot.count").asInt()).isEqualTo(2);
        List<String> components = new ArrayList<>();
        groups.get(0).get("components").forEach(c -> components.add(c.asString()));
        assertThat(components).containsExactly("id", "phenomenonTime", "resultTime", "result", "resultQuality",
                "validTime", "parameters");
        List<JsonNode> rows = new ArrayList<>();
        groups.forEach(group -> group.get("dataArray").forEach(rows::add));
        assertThat(rows).hasSize(normal.get("value").size());
        for (int r = 0; r < rows.size(); r++) {
            JsonNode entity = normal.get("value").get(r);
            for (int c = 0; c < components.size(); c++) {
                String name = components.get(c).equals("id") ? "@iot.id" : components.get(c);
                assertThat(rows.get(r).get(c)).as("%s of row %d", name, r).isEqualTo(entity.get(name));
            }
        }
    }

    @Test
    void selectsTheComponentsAndPagesWithANextLink() {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        StaClient client = tenant.client();
        long datastream = tenant.datastream();
        for (int i = 0; i < 3; i++) {
            observation(client, datastream, "2024-01-01T00:00:0" + i + "Z", "2024-01-01T00:00:0" + i + "Z", i);
        }

        JsonNode page = client.get("Datastreams(" + datastream + ")/Observations"
                + "?$resultFormat=dataArray&$select=result,phenomenonTime&$top=2");

        JsonNode group = page.get("value").get(0);
        assertThat(group.get("components")).isEqualTo(StaClient.json("[\"phenomenonTime\", \"result\"]"));
        assertThat(group.get("dataArray")).isEqualTo(StaClient.json(
                "[[\"2024-01-01T00:00:00Z\", 0], [\"2024-01-01T00:00:01Z\", 1]]"));
        JsonNode rest = client.follow(page.get("@iot.nextLink").asString());
        assertThat(rest.get("value").get(0).get("dataArray")).isEqualTo(StaClient.json("[[\"2024-01-01T00:00:02Z\", 2]]"));
        assertThat(rest.has("@iot.nextLink")).isFalse();
    }

    @Test
    void refusesAnUnknownFormatAndOtherEntities() {
        StaClient client = IngestTenant.create(port, tenants, keys).client();

        assertThat(assertProblem(client.getRaw("Observations?$resultFormat=xml"), 400, client.root() + "/Observations")
                .get("where").asString()).isEqualTo("$resultFormat");
        assertThat(assertProblem(client.getRaw("Things?$resultFormat=dataArray"), 400, client.root() + "/Things")
                .get("where").asString()).isEqualTo("$resultFormat");
    }
}
