package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreateTest extends WriterTestBase {

    @Test
    void createsAThingWithItsProperties() {
        long id = create(EntityType.THING, """
                {"name": "Müllbehälter 7", "description": "am Markt", "properties": {"volume": 240},
                 "@iot.selfLink": "http://x/Things(99)", "Datastreams@iot.navigationLink": "http://x/Things(99)/Datastreams"}""");

        assertThat(column("select name || '|' || description || '|' || properties::text from sta_thing where id = ? and tenant_id = ?",
                id, tenantA)).containsExactly("Müllbehälter 7|am Markt|{\"volume\": 240}");
    }

    @Test
    void storesTheBoundingBoxOfGeometries() {
        long id = create(EntityType.LOCATION, """
                {"name": "Platz", "description": "Marktplatz", "encodingType": "application/vnd.geo+json",
                 "location": {"type": "Polygon", "coordinates": [[[8,49],[9,49],[9,50],[8,49]]]}}""");

        assertThat(column("select concat_ws(',', min_x, min_y, max_x, max_y) from sta_location where id = ?", id))
                .containsExactly("8,49,9,50");
    }

    @Test
    void deepInsertsAThingWithLocationsAndDatastreamsWithEverythingTheyNeed() {
        long thing = create(EntityType.THING, """
                {"name": "Wetterstation", "description": "Rathausdach",
                 "Locations": [{"name": "Rathaus", "description": "Dach", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [8.1, 49.2]}}],
                 "Datastreams": [{"name": "Temperatur", "description": "Luft", "observationType": "%s",
                                  "unitOfMeasurement": {"name": "Grad Celsius", "symbol": "°C", "definition": "ucum:Cel"},
                                  "Sensor": {"name": "PT100", "description": "Fühler", "encodingType": "application/pdf", "metadata": "x.pdf"},
                                  "ObservedProperty": {"name": "Temperatur", "definition": "http://example.org/t", "description": "Luft"},
                                  "Observations": [{"result": 21.5, "phenomenonTime": "2026-01-01T12:00:00Z"},
                                                   {"result": 22}]}]}""".formatted(MEASUREMENT));

        long datastream = (Long) column("select id from sta_datastream where thing_id = ?", thing).getFirst();
        assertThat(count("select count(*) from sta_thing_location where thing_id = ?", thing)).isOne();
        assertThat(count("select count(*) from sta_historical_location where thing_id = ?", thing)).isOne();
        assertThat(count("select count(*) from sta_observation where datastream_id = ?", datastream)).isEqualTo(2);
        assertThat(observationCount(datastream)).isEqualTo(2);
        // the Observations had no FeatureOfInterest: the one generated from the Thing's Location is used
        assertThat(column("select distinct f.name from sta_observation o join sta_feature_of_interest f"
                + " on f.id = o.feature_of_interest_id where o.datastream_id = ?", datastream)).containsExactly("Rathaus");
        assertThat(column("select phenomenon_time_start::text from sta_observation where datastream_id = ? order by id",
                datastream)).containsExactly("2026-01-01 12:00:00+00", "2026-01-02 03:04:05+00");
    }

    @Test
    void deepInsertsADatastreamWithLinkedThingAndNewSensor() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");
        long property = create(EntityType.OBSERVED_PROPERTY, """
                {"name": "P", "definition": "http://p", "description": "d"}""");

        long datastream = create(EntityType.DATASTREAM, """
                {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "Thing": {"@iot.id": %d}, "ObservedProperty": {"@iot.id": %d, "@iot.selfLink": "ignored"},
                 "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": {"a": 1}}}"""
                .formatted(MEASUREMENT, thing, property));

        assertThat(column("select thing_id || ',' || observed_property_id from sta_datastream where id = ?", datastream))
                .containsExactly(thing + "," + property);
    }

    @Test
    void createsThroughANavigationCollectionLinkedToTheParent() {
        long datastream = datastream(tenantA);
        long thing = (Long) column("select thing_id from sta_datastream where id = ?", datastream).getFirst();

        long second = create(tenantA, navigation(EntityType.THING, thing, "Datastreams"), """
                {"name": "D2", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "Sensor": {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m"},
                 "ObservedProperty": {"name": "P", "definition": "http://p", "description": "d"}}""".formatted(MEASUREMENT));

        assertThat(column("select thing_id from sta_datastream where id = ?", second)).containsExactly(thing);
    }

    @Test
    void createsAnObservationWithANewFeatureOfInterestAndAnIntervalPhenomenonTime() {
        long datastream = datastream(tenantA);

        long observation = create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": {"a": [1, 2]}, "phenomenonTime": "2026-01-01T10:00:00+01:00/2026-01-01T11:00:00+01:00",
                 "resultTime": "2026-01-01T10:30:00Z", "validTime": "2026-01-01T00:00:00Z/2026-01-02T00:00:00Z",
                 "parameters": {"q": "gut"}, "resultQuality": ["ok"],
                 "FeatureOfInterest": {"name": "Bach", "description": "Abschnitt", "encodingType": "application/geo+json",
                                       "feature": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}}""");

        assertThat(column("select concat_ws('|', phenomenon_time_start, phenomenon_time_end, result_time, result_type,"
                + " result_json, valid_time_start, valid_time_end, parameters, result_quality) from sta_observation where id = ?",
                observation)).containsExactly("2026-01-01 09:00:00+00|2026-01-01 10:00:00+00|2026-01-01 10:30:00+00|5"
                + "|{\"a\": [1, 2]}|2026-01-01 00:00:00+00|2026-01-02 00:00:00+00|{\"q\": \"gut\"}|[\"ok\"]");
        assertThat(column("select f.name || ',' || f.max_x from sta_observation o join sta_feature_of_interest f"
                + " on f.id = o.feature_of_interest_id where o.id = ?", observation)).containsExactly("Bach,3");
    }

    @Test
    void createsAFeatureOfInterestWithObservations() {
        long datastream = datastream(tenantA);

        long feature = create(EntityType.FEATURE_OF_INTEREST, """
                {"name": "F", "description": "d", "encodingType": "application/geo+json",
                 "feature": {"type": "Point", "coordinates": [1, 2]},
                 "Observations": [{"result": true, "Datastream": {"@iot.id": %d}}]}""".formatted(datastream));

        assertThat(column("select result_boolean from sta_observation where feature_of_interest_id = ?", feature))
                .containsExactly(true);
        assertThat(observationCount(datastream)).isOne();
    }

    @Test
    void createsASensorWithADatastreamNestedUnderIt() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");

        long sensor = create(EntityType.SENSOR, """
                {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m",
                 "Datastreams": [{"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                                  "Thing": {"@iot.id": %d},
                                  "ObservedProperty": {"name": "P", "definition": "http://p", "description": "d"}}]}"""
                .formatted(MEASUREMENT, thing));

        assertThat(count("select count(*) from sta_datastream where sensor_id = ? and thing_id = ?", sensor, thing)).isOne();
    }

    @Test
    void aPureLinkPostedToANavigationCollectionLinksTheExistingEntity() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");
        long location = create(EntityType.LOCATION, """
                {"name": "L", "description": "d", "encodingType": "application/geo+json",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""");

        EntityWriter.Created created = tx(c -> writer.create(c, tenantA, navigation(EntityType.THING, thing, "Locations"),
                json("{\"@iot.id\": " + location + "}")));

        assertThat(created).isEqualTo(new EntityWriter.Created(EntityType.LOCATION, location));
        assertThat(column("select location_id from sta_thing_location where thing_id = ?", thing)).containsExactly(location);
    }

    @Test
    void resultsGoIntoTypedColumns() {
        long datastream = datastream(tenantA);
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        String[] results = {"null", "1.5", "42", "9007199254740993", "\"hoch\"", "false", "[1]"};
        for (String result : results) {
            create(tenantA, observations, "{\"result\": " + result + "}");
        }

        assertThat(column("select concat_ws('|', result_type, result_number, result_string, result_boolean, result_json)"
                + " from sta_observation where datastream_id = ? order by id", datastream))
                .containsExactly("0", "1|1.5", "2|42", "5|9007199254740993", "3|hoch", "4|f", "5|[1]");
    }
}
