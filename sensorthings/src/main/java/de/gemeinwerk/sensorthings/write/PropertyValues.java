package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.geo.BoundingBox;
import de.gemeinwerk.geo.GeoJsonReader;
import de.gemeinwerk.geo.GeometryFormatException;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * Checks one property value of a body and converts it to what is stored: String (text), JsonNode (JSON),
 * {@link Geometry}, OffsetDateTime, {@code PropertyColumns.Time} or {@code PropertyColumns.Result}.
 */
final class PropertyValues {

    /** A validated GeoJSON geometry with the bounding box stored next to it. */
    record Geometry(String json, BoundingBox box) {}

    private static final String OM = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";
    static final String COMPLEX_OBSERVATION = OM + "OM_ComplexObservation";
    static final List<String> OBSERVATION_TYPES = List.of(OM + "OM_Measurement", OM + "OM_CategoryObservation",
            OM + "OM_CountObservation", OM + "OM_TruthObservation", OM + "OM_Observation", COMPLEX_OBSERVATION);
    private static final List<String> GEOJSON_TYPES = List.of("application/geo+json", "application/vnd.geo+json");
    /** JSON properties that the specification defines as JSON objects. */
    private static final Set<String> OBJECTS = Set.of("properties", "parameters", "unitOfMeasurement");

    private PropertyValues() {}

    /** Properties that default to the current time when a body leaves them out. */
    static boolean defaultsToNow(EntityType type, Property property) {
        return (type == EntityType.OBSERVATION && property.name().equals("phenomenonTime"))
                || (type == EntityType.HISTORICAL_LOCATION && property.name().equals("time"));
    }

    static Object convert(EntityType type, Property property, JsonNode value, Pointer at) {
        if (value.isNull()) {
            return nullValue(type, property, at);
        }
        return switch (property.kind()) {
            case TEXT -> text(type, property, value, at);
            case JSON -> type == EntityType.MULTI_DATASTREAM ? MultiDatastreamRules.json(property, value, at)
                    : json(property, value, at);
            case GEOMETRY -> geometry(value, at);
            case TIME_INSTANT -> Times.instant(string(property, value, at), at);
            case TIME_INSTANT_OR_INTERVAL -> Times.instantOrInterval(string(property, value, at), at);
            case TIME_INTERVAL -> Times.interval(string(property, value, at), at);
            case RESULT -> Results.of(value, at);
            case ID, TIME_ENVELOPE -> throw new IllegalArgumentException(property.name() + " is not writable");
        };
    }

    private static Object nullValue(EntityType type, Property property, Pointer at) {
        return switch (property.kind()) {
            case RESULT -> Results.NULL_RESULT;
            default -> {
                if (property.required() || defaultsToNow(type, property)) {
                    throw ApiException.badRequest("'" + property.name() + "' must not be null", at.where());
                }
                yield null;
            }
        };
    }

    private static String text(EntityType type, Property property, JsonNode value, Pointer at) {
        String text = string(property, value, at);
        if (type == EntityType.MULTI_DATASTREAM && property.name().equals("observationType")
                && !text.equals(COMPLEX_OBSERVATION)) {
            throw ApiException.badRequest("the observationType of a MultiDatastream is always " + COMPLEX_OBSERVATION
                    + "; the type of each result element goes into multiObservationDataTypes", at.where());
        }
        if (property.name().equals("observationType") && !OBSERVATION_TYPES.contains(text)) {
            throw ApiException.badRequest("'" + text + "' is not an observationType; use one of " + OBSERVATION_TYPES,
                    at.where());
        }
        boolean geometryEncoding = type == EntityType.LOCATION || type == EntityType.FEATURE_OF_INTEREST;
        if (geometryEncoding && property.name().equals("encodingType") && !GEOJSON_TYPES.contains(text)) {
            throw ApiException.badRequest("the encodingType of a " + type.entityName() + " must be application/geo+json"
                    + " (or application/vnd.geo+json), not '" + text + "'", at.where());
        }
        return text;
    }

    static JsonNode json(Property property, JsonNode value, Pointer at) {
        if (OBJECTS.contains(property.name()) && !value.isObject()) {
            throw ApiException.badRequest("'" + property.name() + "' must be a JSON object, found " + describe(value),
                    at.where());
        }
        return value;
    }

    private static Geometry geometry(JsonNode value, Pointer at) {
        try {
            return new Geometry(value.toString(), BoundingBox.of(GeoJsonReader.read(value)));
        } catch (GeometryFormatException e) {
            throw ApiException.badRequest("invalid GeoJSON: " + e.problem(), at.descend(e.path()).where());
        }
    }

    private static String string(Property property, JsonNode value, Pointer at) {
        if (!value.isString()) {
            throw ApiException.badRequest("'" + property.name() + "' must be a string, found " + describe(value),
                    at.where());
        }
        return value.stringValue();
    }

    /** "a number", "an object", ... for messages. */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isString()) {
            return "a string";
        }
        return "null";
    }
}
