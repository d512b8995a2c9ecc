package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The MultiDatastream test data, created through the API in one tenant: the weather station of the specification's
 * MultiDatastream example (air temperature, relative humidity and visibility, the last a category without unit),
 * created by one deep insert of a Thing with its Location, a plain Datastream and the MultiDatastream with its
 * Sensor, three new ObservedProperties and its first Observation; then two more Observations are posted to
 * {@code MultiDatastreams(n)/Observations}. Observations are listed in phenomenonTime order.
 *
 * <pre>
 * Thing "Wetterstation Marktplatz"   Location: point (7.62 51.96)
 *   MultiDatastream "Temperatur, Luftfeuchte, Sicht" [degC, %, (none)]  ObservedProperties Lufttemperatur, Luftfeuchte, Sicht
 *     2014-12-31T03:59:59Z [25, 65, "clear"], 2015-01-01T04:00:00Z [21.5, 70, "fog"], 2015-01-02T04:00:00Z [19, 80, "fog"]
 *   Datastream "Niederschlag" [mm]  2015-01-01T04:00:00Z 1.5
 * </pre>
 */
final class WeatherStation {

    static final String OM = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";
    static final String STATION = "Wetterstation Marktplatz";
    static final String MULTI = "Temperatur, Luftfeuchte, Sicht";

    final StaClient client;
    final long thing;
    final long multiDatastream;
    final long datastream;
    final long sensor;
    /** In the MultiDatastream's order: Lufttemperatur, Luftfeuchte, Sicht. */
    final List<Long> observedProperties = new ArrayList<>();
    final List<Long> observations = new ArrayList<>();
    final long rainObservation;

    WeatherStation(StaClient client) {
        this.client = client;
        thing = client.create("Things", """
                {"name": "%s", "description": "Wetterstation auf dem Marktplatz",
                 "Locations": [{"name": "Marktplatz", "description": "Mast", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [7.62, 51.96]}}],
                 "MultiDatastreams": [{
                   "name": "%s",
                   "description": "Lufttemperatur, relative Luftfeuchte und Sichtweite einer einfachen Wetterstation",
                   "observationType": "%sOM_ComplexObservation",
                   "multiObservationDataTypes": ["%sOM_Measurement", "%sOM_Measurement", "%sOM_CategoryObservation"],
                   "unitOfMeasurements": [
                     {"name": "degree Celsius", "symbol": "degC", "definition": "http://unitsofmeasure.org/ucum.html#para-30"},
                     {"name": "percent", "symbol": "%%", "definition": "http://unitsofmeasure.org/ucum.html#para-29"},
                     {"name": null, "symbol": null, "definition": null}],
                   "observedArea": {"type": "Polygon",
                                    "coordinates": [[[7.61, 51.95], [7.63, 51.95], [7.63, 51.97], [7.61, 51.97], [7.61, 51.95]]]},
                   "properties": {"betreiber": "Stadtwerke"},
                   "Sensor": {"name": "WS-300", "description": "Kompaktwetterstation", "encodingType": "text/html",
                              "metadata": "https://example.org/ws300"},
                   "ObservedProperties": [
                     {"name": "Lufttemperatur", "definition": "https://example.org/air-temperature", "description": "2 m"},
                     {"name": "Luftfeuchte", "definition": "https://example.org/relative-humidity", "description": "relativ"},
                     {"name": "Sicht", "definition": "https://example.org/visibility", "description": "Sichtweite"}],
                   "Observations": [{"phenomenonTime": "2014-12-31T11:59:59.00+08:00",
                                     "resultTime": "2014-12-31T11:59:59.00+08:00", "result": [25, 65, "clear"]}]}],
                 "Datastreams": [{"name": "Niederschlag", "description": "Niederschlagsmenge",
                   "observationType": "%sOM_Measurement",
                   "unitOfMeasurement": {"name": "Millimeter", "symbol": "mm", "definition": "ucum:mm"},
                   "Sensor": {"name": "Regenmesser", "description": "Wippe", "encodingType": "text/html", "metadata": "x"},
                   "ObservedProperty": {"name": "Niederschlag", "definition": "https://example.org/rain", "description": "d"},
                   "Observations": [{"phenomenonTime": "2015-01-01T04:00:00Z", "result": 1.5}]}]}"""
                .formatted(STATION, MULTI, OM, OM, OM, OM, OM));
        multiDatastream = firstId("Things(" + thing + ")/MultiDatastreams");
        datastream = firstId("Things(" + thing + ")/Datastreams");
        sensor = client.get("MultiDatastreams(" + multiDatastream + ")/Sensor").get("@iot.id").asLong();
        client.get("MultiDatastreams(" + multiDatastream + ")/ObservedProperties").get("value")
                .forEach(p -> observedProperties.add(p.get("@iot.id").asLong()));
        observations.add(firstId("MultiDatastreams(" + multiDatastream + ")/Observations"));
        observations.add(client.create("MultiDatastreams(" + multiDatastream + ")/Observations",
                "{\"phenomenonTime\": \"2015-01-01T04:00:00Z\", \"result\": [21.5, 70, \"fog\"]}"));
        observations.add(client.create("MultiDatastreams(" + multiDatastream + ")/Observations",
                "{\"phenomenonTime\": \"2015-01-02T04:00:00Z\", \"resultTime\": \"2015-01-02T04:05:00Z\","
                        + " \"result\": [19, 80, \"fog\"]}"));
        rainObservation = firstId("Datastreams(" + datastream + ")/Observations");
    }

    /** A MultiDatastream body linking existing entities; {@code units} and {@code types} as JSON arrays. */
    static String multiDatastream(String name, long thing, long sensor, List<Long> properties, String units, String types) {
        StringBuilder links = new StringBuilder();
        for (long property : properties) {
            links.append(links.isEmpty() ? "" : ", ").append("{\"@iot.id\": ").append(property).append('}');
        }
        return """
                {"name": "%s", "description": "d", "unitOfMeasurements": %s, "multiObservationDataTypes": %s,
                 "Thing": {"@iot.id": %d}, "Sensor": {"@iot.id": %d}, "ObservedProperties": [%s]}"""
                .formatted(name, units, types, thing, sensor, links);
    }

    /** {@code n} units of measurement, as a JSON array. */
    static String units(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n,
                "{\"name\": \"Grad\", \"symbol\": \"degC\", \"definition\": \"ucum:Cel\"}")) + "]";
    }

    /** {@code n} times OM_Measurement, as a JSON array. */
    static String measurements(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, "\"" + OM + "OM_Measurement\"")) + "]";
    }

    private long firstId(String path) {
        JsonNode value = client.get(path).get("value");
        return value.get(0).get("@iot.id").asLong();
    }
}
