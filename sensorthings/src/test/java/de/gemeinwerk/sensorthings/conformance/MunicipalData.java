package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.StaClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The municipal test data of the conformance tests, created through the API in one tenant ("Musterstadt"):
 * three FeaturesOfInterest, then four Things by deep insert — each with its Locations and Datastreams, each
 * Datastream with its Sensor, ObservedProperty and Observations. Ids are looked up afterwards by name.
 *
 * <pre>
 * Thing "Pegel Mühlbach"            Locations: point (7.60 51.95), line (7.59 51.94)-(7.61 51.96)
 *   Datastream "Wasserstand Mühlbach" [cm, OM_Measurement]      results 88, 102.5, 110, 131.25, 95 at FoI "Messstelle Mühlbach"
 * Thing "Parkhaus Am Markt"         Location: polygon 7.62..7.64 x 51.955..51.97
 *   Datastream "Parkhaus Am Markt Belegung"            [OM_CategoryObservation] "frei", "besetzt", "voll"
 *   Datastream "Parkhaus Am Markt freie Stellplätze"   [OM_CountObservation]    120, 87, 15
 *   Datastream "Parkhaus Am Markt geöffnet"            [OM_TruthObservation]    true, false
 *   (all at FoI "Parkhaus Am Markt Einfahrt", a small polygon around 7.63 51.962)
 * Thing "Luftmessstation Schulhof"  Location: point (7.58 51.93)
 *   Datastream "NO2 Schulhof" [µg/m³, OM_Measurement]  hourly means over 10-11, 11-12, 12-13 h: 21.5, 38.0, 44.75
 *   at FoI "Schulstraße", a line (7.57 51.93)-(7.59 51.93)
 * Thing "Abfallbehälter Bahnhof"    no Location, no Datastream
 * </pre>
 *
 * Observations of a Datastream are listed in phenomenonTime order, e.g. {@code observations(WATER_LEVEL).get(0)}
 * is the one of 2023-12-31T23:59:59Z.
 */
final class MunicipalData {

    static final String GAUGE = "Pegel Mühlbach";
    static final String CAR_PARK = "Parkhaus Am Markt";
    static final String AIR_STATION = "Luftmessstation Schulhof";
    static final String WASTE_BIN = "Abfallbehälter Bahnhof";

    static final String GAUGE_POINT = "Pegel Mühlbach Standort";
    static final String STREAM_LINE = "Mühlbach Verlauf";
    static final String CAR_PARK_AREA = "Parkhaus Am Markt Grundstück";
    static final String SCHOOLYARD = "Schulhof Gesamtschule";

    static final String WATER_LEVEL = "Wasserstand Mühlbach";
    static final String PARKING_STATUS = "Parkhaus Am Markt Belegung";
    static final String FREE_SPACES = "Parkhaus Am Markt freie Stellplätze";
    static final String OPEN = "Parkhaus Am Markt geöffnet";
    static final String NO2 = "NO2 Schulhof";

    static final String GAUGE_SITE = "Messstelle Mühlbach";
    static final String CAR_PARK_ENTRANCE = "Parkhaus Am Markt Einfahrt";
    static final String SCHOOL_STREET = "Schulstraße";

    static final String OM = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

    private static final Map<String, MunicipalData> CREATED = new ConcurrentHashMap<>();

    final StaClient client;
    private final Map<String, Long> things = new LinkedHashMap<>();
    private final Map<String, Long> locations = new LinkedHashMap<>();
    private final Map<String, Long> datastreams = new LinkedHashMap<>();
    private final Map<String, Long> features = new LinkedHashMap<>();
    private final Map<String, List<Long>> observations = new LinkedHashMap<>();

    private MunicipalData(StaClient client) {
        this.client = client;
    }

    /**
     * The data set in a tenant of its own, created once per key and JVM: the tests only read it (or try in
     * vain to change it from another tenant), so all test classes may share it.
     */
    static MunicipalData shared(String key, java.util.function.Supplier<StaClient> newTenant) {
        return CREATED.computeIfAbsent(key, k -> create(newTenant.get()));
    }

    /** Creates the whole data set in the client's tenant. */
    static MunicipalData create(StaClient client) {
        MunicipalData data = new MunicipalData(client);
        data.build();
        return data;
    }

    long thing(String name) { return require(things, name); }

    long location(String name) { return require(locations, name); }

    long datastream(String name) { return require(datastreams, name); }

    long feature(String name) { return require(features, name); }

    /** The Datastream's Observations in phenomenonTime order. */
    List<Long> observations(String datastreamName) {
        List<Long> ids = observations.get(datastreamName);
        if (ids == null) {
            throw new IllegalArgumentException("no Datastream '" + datastreamName + "' in the test data");
        }
        return ids;
    }

    long observation(String datastreamName, int index) { return observations(datastreamName).get(index); }

    List<Long> allThings() { return List.copyOf(things.values()); }

    List<Long> allLocations() { return List.copyOf(locations.values()); }

    List<Long> allDatastreams() { return List.copyOf(datastreams.values()); }

    List<Long> allFeatures() { return List.copyOf(features.values()); }

    List<Long> allObservations() {
        List<Long> all = new ArrayList<>();
        observations.values().forEach(all::addAll);
        return all;
    }

    private static long require(Map<String, Long> ids, String name) {
        Long id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no '" + name + "' in the test data; there are " + ids.keySet());
        }
        return id;
    }

    // ---- creation -----------------------------------------------------------------------------------

    private void build() {
        features.put(GAUGE_SITE, client.create("FeaturesOfInterest", feature(GAUGE_SITE,
                "Messpunkt unter der Brücke Mühlenweg", point(7.601, 51.951))));
        features.put(CAR_PARK_ENTRANCE, client.create("FeaturesOfInterest", feature(CAR_PARK_ENTRANCE,
                "Zufahrt mit Schranke", polygon("[7.629,51.961],[7.631,51.961],[7.631,51.963],[7.629,51.963],[7.629,51.961]"))));
        features.put(SCHOOL_STREET, client.create("FeaturesOfInterest", feature(SCHOOL_STREET,
                "Straßenabschnitt vor dem Schulhof", "{\"type\":\"LineString\",\"coordinates\":[[7.57,51.93],[7.59,51.93]]}")));

        long gauge = createThing(GAUGE, "Pegelmessstelle am Mühlbach",
                "{\"owner\":\"Tiefbauamt\",\"district\":\"Nord\",\"installed\":2019,"
                        + "\"installedAt\":\"2019-03-01T00:00:00Z\",\"contact\":{\"department\":\"Gewässer\"}}",
                List.of(location(GAUGE_POINT, "Brücke Mühlenweg", point(7.60, 51.95)),
                        location(STREAM_LINE, "Gewässerabschnitt am Pegel",
                                "{\"type\":\"LineString\",\"coordinates\":[[7.59,51.94],[7.61,51.96]]}")),
                List.of(datastream(WATER_LEVEL, "Wasserstand über Pegelnullpunkt", "OM_Measurement",
                        "{\"name\":\"Zentimeter\",\"symbol\":\"cm\",\"definition\":\"http://unitsofmeasure.org/ucum.html#para-30\"}",
                        "{\"alarmLevel\":130}", "Drucksonde PS-100", "Wasserstand", List.of(
                                observation("2023-12-31T23:59:59Z", "88", GAUGE_SITE, null),
                                observation("2024-05-01T10:00:00Z", "102.5", GAUGE_SITE,
                                        "\"resultTime\":\"2024-05-01T10:00:05Z\""),
                                observation("2024-05-01T11:00:00Z", "110", GAUGE_SITE, null),
                                observation("2024-05-01T12:00:00Z", "131.25", GAUGE_SITE, null),
                                observation("2024-05-01T13:30:15.250Z", "95", GAUGE_SITE, null)))));

        long carPark = createThing(CAR_PARK, "Parkhaus mit 420 Stellplätzen",
                "{\"owner\":\"Stadtwerke\",\"district\":\"Mitte\",\"capacity\":420}",
                List.of(location(CAR_PARK_AREA, "Grundstück des Parkhauses",
                        polygon("[7.62,51.955],[7.64,51.955],[7.64,51.97],[7.62,51.97],[7.62,51.955]"))),
                List.of(datastream(PARKING_STATUS, "Belegungsstatus laut Parkleitsystem", "OM_CategoryObservation",
                                "{\"name\":\"Status\",\"symbol\":\"\",\"definition\":\"https://example.org/def/status\"}",
                                null, "Parkleitsystem", "Belegungsstatus", List.of(
                                        observation("2024-05-01T08:00:00Z", "\"frei\"", CAR_PARK_ENTRANCE, null),
                                        observation("2024-05-01T12:00:00Z", "\"besetzt\"", CAR_PARK_ENTRANCE, null),
                                        observation("2024-05-01T17:00:00Z", "\"voll\"", CAR_PARK_ENTRANCE, null))),
                        datastream(FREE_SPACES, "Anzahl freier Stellplätze", "OM_CountObservation",
                                "{\"name\":\"Anzahl\",\"symbol\":\"1\",\"definition\":\"http://unitsofmeasure.org/ucum.html#para-29\"}",
                                null, "Schrankenzähler", "Freie Stellplätze", List.of(
                                        observation("2024-05-01T08:00:00Z", "120", CAR_PARK_ENTRANCE, null),
                                        observation("2024-05-01T12:00:00Z", "87", CAR_PARK_ENTRANCE, null),
                                        observation("2024-05-01T17:00:00Z", "15", CAR_PARK_ENTRANCE, null))),
                        datastream(OPEN, "Ob das Parkhaus geöffnet ist", "OM_TruthObservation",
                                "{\"name\":\"Wahrheitswert\",\"symbol\":\"\",\"definition\":\"https://example.org/def/boolean\"}",
                                null, "Torsteuerung", "Geöffnet", List.of(
                                        observation("2024-05-01T06:00:00Z", "true", CAR_PARK_ENTRANCE, null),
                                        observation("2024-05-01T23:00:00Z", "false", CAR_PARK_ENTRANCE, null)))));

        long airStation = createThing(AIR_STATION, "Messstation für Stickstoffdioxid",
                "{\"owner\":\"Umweltamt\",\"district\":\"Süd\"}",
                List.of(location(SCHOOLYARD, "Schulhof der Gesamtschule", point(7.58, 51.93))),
                List.of(datastream(NO2, "Stundenmittel NO2", "OM_Measurement",
                        "{\"name\":\"Mikrogramm pro Kubikmeter\",\"symbol\":\"µg/m³\",\"definition\":\"http://unitsofmeasure.org/ucum.html\"}",
                        null, "Passivsammler NO2", "Stickstoffdioxid", List.of(
                                observation("2024-05-01T10:00:00Z/2024-05-01T11:00:00Z", "21.5", SCHOOL_STREET,
                                        "\"resultTime\":\"2024-05-01T11:00:02Z\","
                                                + "\"validTime\":\"2024-05-01T11:00:00Z/2024-05-02T11:00:00Z\","
                                                + "\"resultQuality\":{\"flag\":\"validiert\"},"
                                                + "\"parameters\":{\"method\":\"Stundenmittel\"}"),
                                observation("2024-05-01T11:00:00Z/2024-05-01T12:00:00Z", "38.0", SCHOOL_STREET, null),
                                observation("2024-05-01T12:00:00Z/2024-05-01T13:00:00Z", "44.75", SCHOOL_STREET, null)))));

        long wasteBin = client.create("Things", """
                {"name": "%s", "description": "Unterflurbehälter am Bahnhofsvorplatz",
                 "properties": {"owner": "Abfallwirtschaftsbetrieb", "district": "Mitte", "fillLevelSensor": false}}"""
                .formatted(WASTE_BIN));
        things.put(WASTE_BIN, wasteBin);

        for (long thing : List.of(gauge, carPark, airStation)) {
            readNames("Things(" + thing + ")/Locations", locations);
            Map<String, Long> ofThing = new LinkedHashMap<>();
            readNames("Things(" + thing + ")/Datastreams", ofThing);
            datastreams.putAll(ofThing);
            for (Map.Entry<String, Long> datastream : ofThing.entrySet()) {
                List<Long> ids = new ArrayList<>();
                for (JsonNode o : client.get("Datastreams(" + datastream.getValue()
                        + ")/Observations?$select=id&$orderby=phenomenonTime asc").get("value")) {
                    ids.add(o.get("@iot.id").asLong());
                }
                observations.put(datastream.getKey(), ids);
            }
        }
    }

    private long createThing(String name, String description, String properties, List<String> locations,
                             List<String> datastreams) {
        long id = client.create("Things", """
                {"name": "%s", "description": "%s", "properties": %s, "Locations": [%s], "Datastreams": [%s]}"""
                .formatted(name, description, properties, String.join(",", locations), String.join(",", datastreams)));
        things.put(name, id);
        return id;
    }

    private void readNames(String collection, Map<String, Long> into) {
        for (JsonNode entity : client.get(collection + "?$select=id,name").get("value")) {
            into.put(entity.get("name").asString(), entity.get("@iot.id").asLong());
        }
    }

    private static String point(double x, double y) {
        return "{\"type\":\"Point\",\"coordinates\":[" + x + "," + y + "]}";
    }

    private static String polygon(String ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
    }

    private static String feature(String name, String description, String geometry) {
        return """
                {"name": "%s", "description": "%s", "encodingType": "application/geo+json", "feature": %s}"""
                .formatted(name, description, geometry);
    }

    private static String location(String name, String description, String geometry) {
        return """
                {"name": "%s", "description": "%s", "encodingType": "application/geo+json", "location": %s}"""
                .formatted(name, description, geometry);
    }

    private String datastream(String name, String description, String observationType, String unit, String properties,
                              String sensor, String observedProperty, List<String> observations) {
        return """
                {"name": "%s", "description": "%s", "observationType": "%s", "unitOfMeasurement": %s,%s
                 "Sensor": {"name": "%s", "description": "Sensor %s", "encodingType": "application/pdf",
                            "metadata": "https://example.org/datenblatt/%s.pdf"},
                 "ObservedProperty": {"name": "%s", "description": "Beobachtete Größe %s",
                                      "definition": "https://example.org/def/%s"},
                 "Observations": [%s]}"""
                .formatted(name, description, OM + observationType, unit,
                        properties == null ? "" : " \"properties\": " + properties + ",",
                        sensor, sensor, slug(sensor), observedProperty, observedProperty, slug(observedProperty),
                        String.join(",", observations));
    }

    private String observation(String phenomenonTime, String result, String feature, String more) {
        return """
                {"phenomenonTime": "%s", "result": %s, %s"FeatureOfInterest": {"@iot.id": %d}}"""
                .formatted(phenomenonTime, result, more == null ? "" : more + ", ", feature(feature));
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
