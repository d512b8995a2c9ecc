package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies are checked strictly; every error is a 400 pointing into the body, and nothing is stored. */
class ValidationTest extends WriterTestBase {

    private static final String SENSOR = """
            {"name": "S", "description": "d", "encodingType": "text/html", "metadata": "m"}""";
    private static final String PROPERTY = """
            {"name": "P", "definition": "http://p", "description": "d"}""";

    private void rejects(EntityType type, String body, String where, String message) {
        assertBadRequest(() -> create(type, body), where, message);
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        rejects(EntityType.THING, "[1]", "body", "a Thing must be given as a JSON object, found an array");
    }

    @Test
    void rejectsAnUnknownPropertyListingTheValidOnes() {
        rejects(EntityType.THING, """
                {"nmae": "x", "description": "d"}""", "body: /nmae",
                "Thing has no property 'nmae'; it has name, description, properties, Locations, HistoricalLocations, Datastreams");
    }

    @Test
    void rejectsAWrongJsonType() {
        rejects(EntityType.THING, """
                {"name": 5, "description": "d"}""", "body: /name", "'name' must be a string, found a number");
    }

    @Test
    void rejectsMissingRequiredProperties() {
        rejects(EntityType.SENSOR, """
                {"name": "S", "description": "d"}""", "body", "a Sensor needs encodingType, metadata");
    }

    @Test
    void rejectsNullForARequiredProperty() {
        rejects(EntityType.THING, """
                {"name": null, "description": "d"}""", "body: /name", "'name' must not be null");
    }

    @Test
    void rejectsInvalidTimes() {
        long datastream = datastream(tenantA);
        Target observations = navigation(EntityType.DATASTREAM, datastream, "Observations");
        assertBadRequest(() -> create(tenantA, observations, """
                {"result": 1, "phenomenonTime": "2024-05-01 12:00"}"""), "body: /phenomenonTime",
                "ISO 8601 with offset, e.g. 2024-05-01T12:00:00Z or start/end");
        assertBadRequest(() -> create(tenantA, observations, """
                {"result": 1, "resultTime": "2024-05-01T12:00:00"}"""), "body: /resultTime", "is not a valid time");
        assertBadRequest(() -> create(tenantA, observations, """
                {"result": 1, "phenomenonTime": "2024-05-02T00:00:00Z/2024-05-01T00:00:00Z"}"""), "body: /phenomenonTime",
                "ends before it starts");
        assertBadRequest(() -> create(tenantA, observations, """
                {"result": 1, "validTime": "2024-05-01T00:00:00Z"}"""), "body: /validTime", "an interval start/end");
        assertThat(observationCount(datastream)).isZero();
    }

    @Test
    void rejectsATimeOutsideWhatTheDatabaseStoresAsABadRequest() {
        long datastream = datastream(tenantA);
        assertBadRequest(() -> create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": 1, "phenomenonTime": "+999999999-01-01T00:00:00Z"}"""), "body", "cannot be stored");
    }

    @Test
    void rejectsTextThatTheDatabaseCannotStoreAsABadRequest() {
        rejects(EntityType.THING, """
                {"name": "a\\u0000b", "description": "d"}""", "body", "cannot be stored");
    }

    @Test
    void rejectsInvalidGeoJsonAtThePlaceOfTheError() {
        rejects(EntityType.THING, """
                {"name": "T", "description": "d",
                 "Locations": [{"name": "L", "description": "d", "encodingType": "application/geo+json",
                                "location": {"type": "Point", "coordinates": [1]}}]}""",
                "body: /Locations/0/location/coordinates", "invalid GeoJSON");
        assertThat(count("select count(*) from sta_thing where tenant_id = ?", tenantA)).isZero();
    }

    @Test
    void rejectsPropertiesThatAreNotAnObject() {
        rejects(EntityType.THING, """
                {"name": "T", "description": "d", "properties": [1]}""", "body: /properties",
                "'properties' must be a JSON object, found an array");
    }

    @Test
    void rejectsParametersThatAreNotAnObject() {
        long datastream = datastream(tenantA);
        assertBadRequest(() -> create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": 1, "parameters": "x"}"""), "body: /parameters", "'parameters' must be a JSON object");
    }

    @Test
    void rejectsAnUnknownObservationTypeAndAUnitThatIsNoObject() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");
        String datastreams = """
                {"name": "T", "description": "d", "Datastreams": [{"name": "D", "description": "d",
                 "observationType": "%s", "unitOfMeasurement": %s, "Sensor": %s, "ObservedProperty": %s}]}""";
        rejects(EntityType.THING, datastreams.formatted("OM_Measurement", "{}", SENSOR, PROPERTY),
                "body: /Datastreams/0/observationType", "is not an observationType");
        rejects(EntityType.THING, datastreams.formatted(MEASUREMENT, "\"cm\"", SENSOR, PROPERTY),
                "body: /Datastreams/0/unitOfMeasurement", "'unitOfMeasurement' must be a JSON object, found a string");
        assertThat(thing).isPositive();
    }

    @Test
    void rejectsALocationEncodingTypeOtherThanGeoJson() {
        rejects(EntityType.LOCATION, """
                {"name": "L", "description": "d", "encodingType": "text/plain",
                 "location": {"type": "Point", "coordinates": [1, 2]}}""", "body: /encodingType",
                "must be application/geo+json");
    }

    @Test
    void rejectsAClientSuppliedIdOnANewEntity() {
        rejects(EntityType.THING, """
                {"@iot.id": 7, "name": "T", "description": "d"}""", "body: /@iot.id", "the server assigns the @iot.id");
        rejects(EntityType.THING, """
                {"@iot.id": 7}""", "body: /@iot.id", "the server assigns the @iot.id");
    }

    @Test
    void rejectsComputedProperties() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");
        assertBadRequest(() -> create(tenantA, navigation(EntityType.THING, thing, "Datastreams"), """
                {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "phenomenonTime": "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z", "Sensor": %s, "ObservedProperty": %s}"""
                .formatted(MEASUREMENT, SENSOR, PROPERTY)), "body: /phenomenonTime", "is computed from its Observations");
    }

    @Test
    void rejectsAMissingRequiredRelation() {
        long thing = create(EntityType.THING, """
                {"name": "T", "description": "d"}""");
        rejects(EntityType.DATASTREAM, """
                {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "Thing": {"@iot.id": %d}, "ObservedProperty": %s}""".formatted(MEASUREMENT, thing, PROPERTY), "body",
                "a Datastream needs a Thing, a Sensor and an ObservedProperty; missing: Sensor");
        assertThat(count("select count(*) from sta_observed_property where tenant_id = ?", tenantA)).isZero();
    }

    @Test
    void rejectsALinkToAnEntityThatDoesNotExist() {
        rejects(EntityType.DATASTREAM, """
                {"name": "D", "description": "d", "observationType": "%s", "unitOfMeasurement": {},
                 "Thing": {"@iot.id": 999999999}, "Sensor": %s, "ObservedProperty": %s}""".formatted(MEASUREMENT, SENSOR, PROPERTY),
                "body: /Thing", "Thing 999999999 does not exist");
        assertThat(count("select count(*) from sta_sensor where tenant_id = ?", tenantA)).isZero();
    }

    @Test
    void rejectsARelationGivenTwice() {
        long datastream = datastream(tenantA);
        assertBadRequest(() -> create(tenantA, navigation(EntityType.DATASTREAM, datastream, "Observations"), """
                {"result": 1, "Datastream": {"@iot.id": %d}}""".formatted(datastream)), "body: /Datastream",
                "is given by the request path");
    }

    @Test
    void rejectsRelationsOfTheWrongShape() {
        rejects(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": {"@iot.id": 1}}""", "body: /Locations",
                "'Locations' must be an array, found an object");
        rejects(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [1]}""", "body: /Locations/0", "must be an object");
        rejects(EntityType.THING, """
                {"name": "T", "description": "d", "Locations": [{"@iot.id": "x"}]}""", "body: /Locations/0/@iot.id",
                "@iot.id must be an integer");
    }

    @Test
    void rejectsPostingToASingleEntity() {
        assertBadRequest(() -> create(tenantA, Target.entity(EntityType.THING, 1), "{}"), "path", "POST to a collection");
    }
}
