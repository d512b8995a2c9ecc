package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Data Array extension with MultiDatastreams: {@code CreateObservations} with a MultiDatastream group, and
 * {@code $resultFormat=dataArray} grouped per MultiDatastream, as the specification's examples show them.
 */
@SensorThingsTest
class MultiDatastreamDataArrayTest extends ConformanceTestBase {

    private String serviceRoot(StaClient client) {
        return "http://localhost:" + port + client.root();
    }

    /** A MultiDatastream of the station's three ObservedProperties, without Observations. */
    private static long emptyMultiDatastream(WeatherStation station) {
        return station.client.create("MultiDatastreams", WeatherStation.multiDatastream("Beispiel", station.thing,
                station.sensor, station.observedProperties, WeatherStation.units(3), WeatherStation.measurements(3)));
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return StaClient.json(response.body());
    }

    @Test
    void createsAndReadsTheSpecificationsMultiDatastreamExample() {
        WeatherStation station = new WeatherStation(newTenant("wetter-da"));
        StaClient sta = station.client;
        long multi = emptyMultiDatastream(station);
        long feature = sta.get("Observations(" + station.observations.getFirst() + ")/FeatureOfInterest").get("@iot.id").asLong();

        // the body of the specification's CreateObservations example, its second group of a MultiDatastream
        JsonNode links = created(sta.send("POST", "CreateObservations", """
                [
                  {
                    "Datastream": {"@iot.id": %1$d},
                    "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
                    "dataArray@iot.count": 2,
                    "dataArray": [
                      ["2010-12-23T10:20:00-0700", 20, %3$d],
                      ["2010-12-23T10:21:00-0700", 30, %3$d]
                    ]
                  },
                  {
                    "MultiDatastream": {"@iot.id": %2$d},
                    "components": ["phenomenonTime", "resultTime", "result", "FeatureOfInterest/id"],
                    "dataArray@iot.count": 4,
                    "dataArray": [
                      ["2010-12-23T11:20:00-0700", "2010-12-23T11:20:00-0700", [10.2, 65, "clear"], %3$d],
                      ["2010-12-23T11:22:08-0700", "2010-12-23T11:20:00-0700", [11.3, 63, "clear"], %3$d],
                      ["2010-12-23T11:22:30-0700", "2010-12-23T11:20:00-0700", [11.3, 63], %3$d],
                      ["2010-12-23T11:22:54-0700", "2010-12-23T11:20:00-0700", [9.8, 67, "clear"], %3$d]
                    ]
                  }
                ]""".formatted(station.datastream, multi, feature)));

        String selfLink = serviceRoot(sta).replace(".", "\\.") + "/Observations\\(\\d+\\)";
        assertThat(links).hasSize(6);
        for (int row : new int[] {0, 1, 2, 3, 5}) {
            assertThat(links.get(row).asString()).matches(selfLink);
        }
        // the row whose result has two values for three ObservedProperties
        assertThat(links.get(4).asString()).isEqualTo("error");
        List<Long> ids = new ArrayList<>();
        for (int row : new int[] {2, 3, 5}) {
            String link = links.get(row).asString();
            ids.add(Long.parseLong(link.substring(link.lastIndexOf('(') + 1, link.length() - 1)));
        }

        JsonNode response = sta.get("MultiDatastreams(" + multi + ")/Observations"
                + "?$resultFormat=dataArray&$select=id,phenomenonTime,resultTime,result");

        assertThat(response).isEqualTo(StaClient.json("""
                {
                  "value": [
                    {
                      "MultiDatastream@iot.navigationLink": "%s/MultiDatastreams(%d)",
                      "components": ["id", "phenomenonTime", "resultTime", "result"],
                      "dataArray@iot.count": 3,
                      "dataArray": [
                        [%d, "2010-12-23T18:20:00Z", "2010-12-23T18:20:00Z", [10.2, 65, "clear"]],
                        [%d, "2010-12-23T18:22:08Z", "2010-12-23T18:20:00Z", [11.3, 63, "clear"]],
                        [%d, "2010-12-23T18:22:54Z", "2010-12-23T18:20:00Z", [9.8, 67, "clear"]]
                      ]
                    }
                  ]
                }""".formatted(serviceRoot(sta), multi, ids.get(0), ids.get(1), ids.get(2))));
    }

    @Test
    void observationsOfDatastreamsAndMultiDatastreamsAreGroupedEachUnderItsOwnLink() {
        WeatherStation station = new WeatherStation(newTenant("wetter-da"));
        StaClient sta = station.client;

        JsonNode response = sta.get("Observations?$resultFormat=dataArray&$select=result&$orderby=phenomenonTime");

        JsonNode groups = response.get("value");
        assertThat(groups).as(response.toString()).hasSize(2);
        JsonNode multi = groups.get(0);
        assertThat(multi.path("MultiDatastream@iot.navigationLink").asString()).as(response.toString())
                .isEqualTo(serviceRoot(sta) + "/MultiDatastreams(" + station.multiDatastream + ")");
        assertThat(multi.has("Datastream@iot.navigationLink")).isFalse();
        assertThat(multi.get("dataArray").toString()).isEqualTo("[[[25,65,\"clear\"]],[[21.5,70,\"fog\"]],[[19,80,\"fog\"]]]");
        JsonNode rain = groups.get(1);
        assertThat(rain.get("Datastream@iot.navigationLink").asString())
                .isEqualTo(serviceRoot(sta) + "/Datastreams(" + station.datastream + ")");
        assertThat(rain.get("dataArray").toString()).isEqualTo("[[1.5]]");
    }

    @Test
    void aGroupNamesExactlyOneDatastreamOrMultiDatastream() {
        WeatherStation station = new WeatherStation(newTenant("wetter-da"));
        StaClient sta = station.client;
        assertBadRequest(sta.send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "MultiDatastream": {"@iot.id": %d}, "components": ["result"],
                  "dataArray": [[1]]}]""".formatted(station.datastream, station.multiDatastream)), "/0/MultiDatastream");
        assertBadRequest(sta.send("POST", "CreateObservations", """
                [{"components": ["result"], "dataArray": [[1]]}]"""), "/0");
        assertBadRequest(sta.send("POST", "CreateObservations", """
                [{"MultiDatastream": {"id": %d}, "components": ["result"], "dataArray": [[[1, 2, "x"]]]}]"""
                .formatted(station.multiDatastream)), "/0/MultiDatastream");
        // a row of a MultiDatastream with a plain result is an error of its own
        JsonNode links = created(sta.send("POST", "CreateObservations", """
                [{"MultiDatastream": {"@iot.id": %d}, "components": ["result"], "dataArray": [[7], [[1, 2, "x"]]]}]"""
                .formatted(station.multiDatastream)));
        assertThat(links.get(0).asString()).isEqualTo("error");
        assertThat(links.get(1).asString()).contains("/Observations(");
    }
}
