package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code $resultFormat=CSV} and {@code $resultFormat=GeoJSON} over HTTP, on one small municipality. */
@SensorThingsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultFormatsTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    private StaClient client;
    private long thing;
    private long location;
    private long datastream;
    private long[] observations;

    @BeforeAll
    void municipality() {
        client = StaClient.newTenant(port, tenants, keys, "formats");
        thing = client.create("Things", """
                {"name": "Pegel, Mühlbach", "description": "sagt \\"hoch\\"", "properties": {"zuständig": "Bauhof"},
                 "Locations": [{"name": "Brücke", "description": "Steg", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [9.501, 51.305]}}],
                 "Datastreams": [{"name": "Wasserstand", "description": "Radarpegel",
                   "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "unitOfMeasurement": {"name": "Zentimeter", "symbol": "cm", "definition": "ucum:cm"},
                   "Sensor": {"name": "Radar", "description": "RP-30", "encodingType": "text/html", "metadata": "x"},
                   "ObservedProperty": {"name": "Wasserstand", "definition": "https://example.org/wl", "description": "Pegel"}}]}""");
        location = client.get("Things(" + thing + ")/Locations").get("value").get(0).get("@iot.id").asLong();
        datastream = client.get("Things(" + thing + ")/Datastreams").get("value").get(0).get("@iot.id").asLong();
        observations = new long[]{
                observation("2026-11-22T10:00:00Z", "87.5"),
                observation("2026-11-22T10:15:00Z", "88"),
                observation("2026-11-22T10:30:00Z", "\"Sensor, gestört\"")};
    }

    private long observation(String time, String result) {
        return client.create("Datastreams(" + datastream + ")/Observations",
                "{\"phenomenonTime\": \"" + time + "\", \"result\": " + result + "}");
    }

    private HttpResponse<String> ok(String path) {
        HttpResponse<String> response = client.getRaw(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void observationsOfADatastreamAsCsv() {
        HttpResponse<String> response = ok("Datastreams(" + datastream + ")/Observations"
                + "?$resultFormat=CSV&$select=phenomenonTime,result");

        assertThat(response.body()).isEqualTo("""
                phenomenonTime,result\r
                2026-11-22T10:00:00Z,87.5\r
                2026-11-22T10:15:00Z,88\r
                2026-11-22T10:30:00Z,"Sensor, gestört"\r
                """);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("text/csv;header=present;charset=UTF-8");
        assertThat(response.headers().firstValue("Link")).isEmpty();
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Datastreams-" + datastream + "-Observations.csv\"");
        assertThat(response.headers().firstValueAsLong("Content-Length").orElseThrow())
                .isEqualTo(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void csvFiltersOrdersExpandsAndPagesWithALinkHeader() {
        HttpResponse<String> first = ok("Observations?$resultFormat=csv&$select=id,result&$top=2"
                + "&$filter=phenomenonTime ge 2026-11-22T10:00:00Z&$orderby=phenomenonTime desc"
                + "&$expand=Datastream($select=name;$expand=Thing($select=name)),FeatureOfInterest($select=id)");

        long feature = client.get("Observations(" + observations[0] + ")/FeatureOfInterest").get("@iot.id").asLong();
        assertThat(first.body()).isEqualTo(
                "id,result,Datastream/name,Datastream/Thing/name,FeatureOfInterest/id\r\n"
                        + observations[2] + ",\"Sensor, gestört\",Wasserstand,\"Pegel, Mühlbach\"," + feature + "\r\n"
                        + observations[1] + ",88,Wasserstand,\"Pegel, Mühlbach\"," + feature + "\r\n");
        String link = first.headers().firstValue("Link").orElseThrow();
        assertThat(link).startsWith("<http://localhost:" + port + client.root() + "/Observations?").endsWith(">; rel=\"next\"")
                .contains("$top=2", "$skip=2");

        String next = link.substring(1, link.indexOf('>'));
        HttpResponse<String> second = client.http().get(next.substring(next.indexOf(client.root())), null);
        assertThat(second.body()).endsWith(observations[0] + ",87.5,Wasserstand,\"Pegel, Mühlbach\"," + feature + "\r\n");
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void csvOfASingleEntitySplitsTheUnitAndShowsTheFirstOfAnExpandedCollection() {
        HttpResponse<String> response = ok("Datastreams(" + datastream + ")?$resultFormat=CSV"
                + "&$select=name,unitOfMeasurement,phenomenonTime&$expand=Observations($select=result;$orderby=phenomenonTime desc)");

        assertThat(response.body()).isEqualTo("name,unitOfMeasurement/name,unitOfMeasurement/symbol,"
                + "unitOfMeasurement/definition,phenomenonTime,Observations/result\r\n"
                + "Wasserstand,Zentimeter,cm,ucum:cm,2026-11-22T10:00:00Z/2026-11-22T10:30:00Z,\"Sensor, gestört\"\r\n");

        HttpResponse<String> things = ok("Things?$resultFormat=CSV");
        assertThat(things.body()).isEqualTo("id,name,description,properties\r\n"
                + thing + ",\"Pegel, Mühlbach\",\"sagt \"\"hoch\"\"\",\"{\"\"zuständig\"\": \"\"Bauhof\"\"}\"\r\n");
    }

    @Test
    void csvPagesMayBeLargerThanJsonPages() {
        // this context's max-top is 50; CSV's own maximum (100000) lets one request carry more
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            rows.append(i > 0 ? "," : "").append("[\"2026-01-01T00:").append(String.format("%02d:%02d", i / 60, i % 60))
                    .append("Z\",").append(i).append(']');
        }
        StaClient big = StaClient.newTenant(port, tenants, keys, "formats-big");
        long stream = big.create("Datastreams", """
                {"name": "viel", "description": "d", "unitOfMeasurement": {},
                 "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                 "Thing": {"name": "T", "description": "d", "Locations": [{"name": "L", "description": "d",
                   "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [1, 2]}}]},
                 "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "-"},
                 "ObservedProperty": {"name": "P", "definition": "https://example.org/p", "description": "d"}}""");
        assertThat(big.send("POST", "CreateObservations", "[{\"Datastream\": {\"@iot.id\": " + stream
                + "}, \"components\": [\"phenomenonTime\", \"result\"], \"dataArray\": [" + rows + "]}]").statusCode())
                .isEqualTo(201);

        HttpResponse<String> csv = big.getRaw("Observations?$resultFormat=CSV&$select=result&$top=120");

        assertThat(csv.body().split("\r\n")).hasSize(121);
        assertThat(csv.headers().firstValue("Link")).isEmpty();
        assertThat(big.get("Observations?$top=120").get("value")).hasSize(50);
    }

    @Test
    void thingsAsGeoJsonTakeTheirLocationsGeometryInLongitudeLatitudeOrder() {
        HttpResponse<String> response = ok("Things?$resultFormat=GeoJSON&$select=name&$expand=Datastreams($select=name)");

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode collection = StaClient.json(response.body());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(1);
        JsonNode feature = collection.get("features").get(0);
        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("id").asLong()).isEqualTo(thing);
        assertThat(feature.get("geometry")).isEqualTo(StaClient.json("{\"type\": \"Point\", \"coordinates\": [9.501, 51.305]}"));
        assertThat(feature.get("properties")).isEqualTo(StaClient.json(
                "{\"name\": \"Pegel, Mühlbach\", \"Datastreams/0/name\": \"Wasserstand\"}"));
    }

    @Test
    void locationsObservationsAndDatastreamsAsGeoJson() {
        JsonNode locations = StaClient.json(ok("Locations?$resultFormat=geojson").body());
        JsonNode location = locations.get("features").get(0);
        assertThat(location.get("id").asLong()).isEqualTo(this.location);
        assertThat(location.at("/geometry/coordinates/0").asDouble()).isEqualTo(9.501);
        assertThat(location.at("/geometry/coordinates/1").asDouble()).isEqualTo(51.305);
        assertThat(location.get("properties").has("location")).isFalse();
        assertThat(location.at("/properties/@iot.selfLink").asString())
                .isEqualTo("http://localhost:" + port + client.root() + "/Locations(" + this.location + ")");

        // an Observation is where its FeatureOfInterest is (here generated from the Thing's Location)
        JsonNode observations = StaClient.json(ok("Datastreams(" + datastream + ")/Observations?$resultFormat=GeoJSON"
                + "&$select=result&$top=2&$count=true").body());
        assertThat(observations.get("@iot.count").asLong()).isEqualTo(3);
        assertThat(observations.get("@iot.nextLink").asString()).contains("$top=2", "$skip=2");
        assertThat(observations.get("features")).hasSize(2).allSatisfy(feature ->
                assertThat(feature.at("/geometry/coordinates")).isEqualTo(StaClient.json("[9.501, 51.305]")));
        assertThat(observations.at("/features/0/properties")).isEqualTo(StaClient.json("{\"result\": 87.5}"));

        // a HistoricalLocation is where its Location is; a FeatureOfInterest is its feature
        JsonNode point = StaClient.json("{\"type\": \"Point\", \"coordinates\": [9.501, 51.305]}");
        assertThat(StaClient.json(ok("HistoricalLocations?$resultFormat=GeoJSON").body()).at("/features/0/geometry"))
                .isEqualTo(point);
        JsonNode features = StaClient.json(ok("FeaturesOfInterest?$resultFormat=GeoJSON&$select=name").body());
        assertThat(features.at("/features/0/geometry")).isEqualTo(point);
        assertThat(features.at("/features/0/properties")).isEqualTo(StaClient.json("{\"name\": \"Brücke\"}"));

        // a Datastream without observedArea is a Feature without geometry
        JsonNode datastreams = StaClient.json(ok("Datastreams?$resultFormat=GeoJSON&$select=unitOfMeasurement").body());
        assertThat(datastreams.at("/features/0/geometry").isNull()).isTrue();
        assertThat(datastreams.at("/features/0/properties")).isEqualTo(StaClient.json(
                "{\"unitOfMeasurement/name\": \"Zentimeter\", \"unitOfMeasurement/symbol\": \"cm\","
                        + " \"unitOfMeasurement/definition\": \"ucum:cm\"}"));
    }

    @Test
    void theServiceRootNamesBothFormatsAsFrostServerDoes() {
        assertThat(client.get("").at("/serverSettings/conformance").toString()).contains(
                "CSV-ResultFormat/CSV-ResultFormat.md", "GeoJSON-ResultFormat/GeoJSON-ResultFormat.md");
    }

    @Test
    void refusesWhatTheFormatsCannotShow() {
        String where = "$resultFormat";
        assertThat(assertProblem(client.getRaw("Things?$resultFormat=xlsx"), 400, client.root() + "/Things")
                .get("detail").asString()).contains("dataArray", "CSV", "GeoJSON");
        assertThat(assertProblem(client.getRaw("Sensors?$resultFormat=GeoJSON"), 400, client.root() + "/Sensors")
                .get("where").asString()).isEqualTo(where);
        assertThat(assertProblem(client.getRaw("Things(" + thing + ")/name?$resultFormat=CSV"), 400,
                client.root() + "/Things(" + thing + ")/name").get("where").asString()).isEqualTo(where);
        assertThat(assertProblem(client.getRaw("Things?$resultFormat=CSV&$expand=Datastreams($top=5)"), 400,
                client.root() + "/Things").get("where").asString()).isEqualTo("$expand");
        assertProblem(client.getRaw("Things(" + (thing + 1000) + ")?$resultFormat=CSV"), 404,
                client.root() + "/Things(" + (thing + 1000) + ")");

        StaClient other = StaClient.newTenant(port, tenants, keys, "formats-other");
        assertProblem(other.getRaw("Things(" + thing + ")?$resultFormat=GeoJSON"), 404,
                other.root() + "/Things(" + thing + ")");
        assertThat(StaClient.json(ok("Locations?$resultFormat=GeoJSON").body()).get("features")).hasSize(1);
        assertThat(other.getRaw("Locations?$resultFormat=GeoJSON").body()).doesNotContain("9.501");
    }
}
