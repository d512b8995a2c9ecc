package de.gemeinwerk.sensorthings.model;

import static de.gemeinwerk.sensorthings.model.Property.computed;
import static de.gemeinwerk.sensorthings.model.Property.optional;
import static de.gemeinwerk.sensorthings.model.Property.required;
import static de.gemeinwerk.sensorthings.model.PropertyKind.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eight entity types of the SensorThings Sensing Core and the MultiDatastream of its extension, with their
 * properties, navigation properties and tables. Everything else (SQL, JSON, paths, deep insert) is driven from here.
 */
public enum EntityType {

    THING("Thing", "Things", "sta_thing", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            optional("properties", JSON, "properties"))),
    LOCATION("Location", "Locations", "sta_location", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            required("encodingType", TEXT, "encoding_type"),
            required("location", GEOMETRY, "location"),
            optional("properties", JSON, "properties"))),
    HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "sta_historical_location", List.of(
            required("time", TIME_INSTANT, "time"))),
    DATASTREAM("Datastream", "Datastreams", "sta_datastream", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            required("unitOfMeasurement", JSON, "unit_of_measurement"),
            required("observationType", TEXT, "observation_type"),
            optional("observedArea", GEOMETRY, "observed_area"),
            computed("phenomenonTime", TIME_ENVELOPE, "phenomenon_time"),
            computed("resultTime", TIME_ENVELOPE, "result_time"),
            optional("properties", JSON, "properties"))),
    SENSOR("Sensor", "Sensors", "sta_sensor", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            required("encodingType", TEXT, "encoding_type"),
            required("metadata", JSON, "metadata"),
            optional("properties", JSON, "properties"))),
    OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "sta_observed_property", List.of(
            required("name", TEXT, "name"),
            required("definition", TEXT, "definition"),
            required("description", TEXT, "description"),
            optional("properties", JSON, "properties"))),
    OBSERVATION("Observation", "Observations", "sta_observation", List.of(
            optional("phenomenonTime", TIME_INSTANT_OR_INTERVAL, "phenomenon_time"),
            optional("resultTime", TIME_INSTANT, "result_time"),
            required("result", RESULT, "result"),
            optional("resultQuality", JSON, "result_quality"),
            optional("validTime", TIME_INTERVAL, "valid_time"),
            optional("parameters", JSON, "parameters"))),
    FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "sta_feature_of_interest", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            required("encodingType", TEXT, "encoding_type"),
            required("feature", GEOMETRY, "feature"),
            optional("properties", JSON, "properties"))),
    /** SensorThings 1.1 MultiDatastream extension: Observations whose result is an array, one value per ObservedProperty. */
    MULTI_DATASTREAM("MultiDatastream", "MultiDatastreams", "sta_multi_datastream", List.of(
            required("name", TEXT, "name"),
            required("description", TEXT, "description"),
            required("unitOfMeasurements", JSON, "unit_of_measurements"),
            required("observationType", TEXT, "observation_type"),
            required("multiObservationDataTypes", JSON, "multi_observation_data_types"),
            optional("observedArea", GEOMETRY, "observed_area"),
            computed("phenomenonTime", TIME_ENVELOPE, "phenomenon_time"),
            computed("resultTime", TIME_ENVELOPE, "result_time"),
            optional("properties", JSON, "properties")));

    /** Position n of a MultiDatastream's ObservedProperties is element n of each of its Observations' results. */
    private static final Relation.LinkTable MULTI_DATASTREAM_PROPERTIES = new Relation.LinkTable(
            "sta_multi_datastream_observed_property", "multi_datastream_id", "observed_property_id", "position");

    static {
        THING.link(many("Locations", LOCATION, new Relation.LinkTable("sta_thing_location", "thing_id", "location_id")),
                many("HistoricalLocations", HISTORICAL_LOCATION, new Relation.TargetColumn("thing_id")),
                many("Datastreams", DATASTREAM, new Relation.TargetColumn("thing_id")),
                many("MultiDatastreams", MULTI_DATASTREAM, new Relation.TargetColumn("thing_id")));
        LOCATION.link(many("Things", THING, new Relation.LinkTable("sta_thing_location", "location_id", "thing_id")),
                many("HistoricalLocations", HISTORICAL_LOCATION,
                        new Relation.LinkTable("sta_location_historical_location", "location_id", "historical_location_id")));
        HISTORICAL_LOCATION.link(one("Thing", THING, "thing_id"),
                many("Locations", LOCATION,
                        new Relation.LinkTable("sta_location_historical_location", "historical_location_id", "location_id")));
        DATASTREAM.link(one("Thing", THING, "thing_id"), one("Sensor", SENSOR, "sensor_id"),
                one("ObservedProperty", OBSERVED_PROPERTY, "observed_property_id"),
                many("Observations", OBSERVATION, new Relation.TargetColumn("datastream_id")));
        SENSOR.link(many("Datastreams", DATASTREAM, new Relation.TargetColumn("sensor_id")),
                many("MultiDatastreams", MULTI_DATASTREAM, new Relation.TargetColumn("sensor_id")));
        OBSERVED_PROPERTY.link(many("Datastreams", DATASTREAM, new Relation.TargetColumn("observed_property_id")),
                many("MultiDatastreams", MULTI_DATASTREAM, MULTI_DATASTREAM_PROPERTIES.reversed()));
        // exactly one of the two: the writer checks that rule itself, so neither is "required" on its own
        OBSERVATION.link(either("Datastream", DATASTREAM, "datastream_id"),
                either("MultiDatastream", MULTI_DATASTREAM, "multi_datastream_id"),
                one("FeatureOfInterest", FEATURE_OF_INTEREST, "feature_of_interest_id"));
        FEATURE_OF_INTEREST.link(many("Observations", OBSERVATION, new Relation.TargetColumn("feature_of_interest_id")));
        MULTI_DATASTREAM.link(one("Thing", THING, "thing_id"), one("Sensor", SENSOR, "sensor_id"),
                many("ObservedProperties", OBSERVED_PROPERTY, MULTI_DATASTREAM_PROPERTIES),
                many("Observations", OBSERVATION, new Relation.TargetColumn("multi_datastream_id")));
    }

    private static final Map<String, EntityType> BY_SET_NAME = new LinkedHashMap<>();
    private static final Map<EntityType, Map<String, Property>> PROPERTIES = new EnumMap<>(EntityType.class);

    static {
        for (EntityType type : values()) {
            BY_SET_NAME.put(type.setName, type);
            Map<String, Property> byName = new LinkedHashMap<>();
            type.properties.forEach(p -> byName.put(p.name(), p));
            PROPERTIES.put(type, byName);
        }
    }

    private final String entityName;
    private final String setName;
    private final String table;
    private final List<Property> properties;
    private Map<String, Navigation> navigations;

    EntityType(String entityName, String setName, String table, List<Property> properties) {
        this.entityName = entityName;
        this.setName = setName;
        this.table = table;
        this.properties = properties;
    }

    private static Navigation many(String name, EntityType target, Relation relation) {
        return new Navigation(name, target, true, relation, false);
    }

    private static Navigation one(String name, EntityType target, String column) {
        return new Navigation(name, target, false, new Relation.SourceColumn(column), true);
    }

    private static Navigation either(String name, EntityType target, String column) {
        return new Navigation(name, target, false, new Relation.SourceColumn(column), false);
    }

    private void link(Navigation... all) {
        Map<String, Navigation> byName = new LinkedHashMap<>();
        for (Navigation n : all) {
            byName.put(n.name(), n);
        }
        this.navigations = byName;
    }

    /** "Thing" */
    public String entityName() { return entityName; }

    /** "Things" */
    public String setName() { return setName; }

    public String table() { return table; }

    /** Properties in the order the specification lists them (and responses show them). */
    public List<Property> properties() { return properties; }

    public Optional<Property> property(String name) { return Optional.ofNullable(PROPERTIES.get(this).get(name)); }

    public java.util.Collection<Navigation> navigations() { return navigations.values(); }

    public Optional<Navigation> navigation(String name) { return Optional.ofNullable(navigations.get(name)); }

    /** Observations have no tenant_id column: they belong to the tenant of their Datastream. */
    public boolean hasTenantColumn() { return this != OBSERVATION; }

    public static Optional<EntityType> bySetName(String setName) { return Optional.ofNullable(BY_SET_NAME.get(setName)); }
}
