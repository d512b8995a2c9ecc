package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.model.Relation;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;
import tools.jackson.databind.JsonNode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the MultiDatastream extension (SensorThings 1.1, req/multi-datastream/constraints): its
 * unitOfMeasurements, multiObservationDataTypes and ObservedProperties have the same size, in the same order, and
 * every result of its Observations is an array of that size. The ObservedProperties are therefore fixed when the
 * MultiDatastream is created: adding or removing one would make every stored result wrong.
 */
final class MultiDatastreamRules {

    static final Navigation OBSERVED_PROPERTIES = EntityType.MULTI_DATASTREAM.navigation("ObservedProperties").orElseThrow();
    private static final String UNITS = "unitOfMeasurements";
    private static final String TYPES = "multiObservationDataTypes";

    private MultiDatastreamRules() {}

    static boolean isObservationType(EntityType type, Property property) {
        return type == EntityType.MULTI_DATASTREAM && property.name().equals("observationType");
    }

    /** The JSON properties of a MultiDatastream: the two arrays, and properties (an object as everywhere). */
    static JsonNode json(Property property, JsonNode value, Pointer at) {
        return switch (property.name()) {
            case UNITS -> array(value, at, (element, elementAt) -> {
                if (!element.isObject()) {
                    throw ApiException.badRequest("each of the unitOfMeasurements must be an object with name, symbol and"
                            + " definition (null values for a result element without a unit), found "
                            + PropertyValues.describe(element), elementAt.where());
                }
            });
            case TYPES -> array(value, at, (element, elementAt) -> {
                if (!element.isString() || !PropertyValues.OBSERVATION_TYPES.contains(element.stringValue())) {
                    throw ApiException.badRequest("each of the multiObservationDataTypes must be one of "
                            + PropertyValues.OBSERVATION_TYPES + ", found " + element, elementAt.where());
                }
            });
            default -> PropertyValues.json(property, value, at);
        };
    }

    private interface ElementCheck {
        void check(JsonNode element, Pointer at);
    }

    private static JsonNode array(JsonNode value, Pointer at, ElementCheck check) {
        if (!value.isArray() || value.isEmpty()) {
            throw ApiException.badRequest("'" + at.path().substring(at.path().lastIndexOf('/') + 1) + "' must be a"
                    + " non-empty JSON array with one element per ObservedProperty, found " + PropertyValues.describe(value),
                    at.where());
        }
        for (int i = 0; i < value.size(); i++) {
            check.check(value.get(i), at.child(i));
        }
        return value;
    }

    /** A new MultiDatastream: ObservedProperties given, each once, as many as units and data types. */
    static void checkCreate(EntityBody body) {
        List<Ref> properties = body.toMany().get(OBSERVED_PROPERTIES);
        if (properties == null || properties.isEmpty()) {
            throw ApiException.badRequest("a MultiDatastream needs its ObservedProperties, in the order of the elements of"
                    + " its results, e.g. \"ObservedProperties\": [{\"@iot.id\": 1}, {\"@iot.id\": 2}]", body.at().where());
        }
        Set<Long> linked = new HashSet<>();
        for (Ref ref : properties) {
            if (ref instanceof Ref.Existing existing && !linked.add(existing.id())) {
                throw ApiException.badRequest("ObservedProperty " + existing.id() + " is given twice; each position of the"
                        + " result needs an ObservedProperty of its own", existing.at().where());
            }
        }
        for (Property property : List.of(property(UNITS), property(TYPES))) {
            int size = ((JsonNode) body.values().get(property)).size();
            if (size != properties.size()) {
                throw sizeMismatch(property.name(), size, properties.size(), body.at().child(property.name()));
            }
        }
    }

    /** After a change of a stored MultiDatastream: its arrays still match its ObservedProperties. */
    static void checkStored(WriteScope scope, long id, Pointer at) throws SQLException {
        Sql sizes = Sql.concat("select jsonb_array_length(m.unit_of_measurements), jsonb_array_length("
                + "m.multi_observation_data_types), (select count(*) from " + linkTable() + " l where l.multi_datastream_id"
                + " = m.id) from sta_multi_datastream m where m.id = ", Sql.param(id));
        try (PreparedStatement statement = Statements.prepare(scope.connection(), sizes);
             ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                int properties = rs.getInt(3);
                if (rs.getInt(1) != properties) {
                    throw sizeMismatch(UNITS, rs.getInt(1), properties, at.child(UNITS));
                }
                if (rs.getInt(2) != properties) {
                    throw sizeMismatch(TYPES, rs.getInt(2), properties, at.child(TYPES));
                }
            }
        }
    }

    /** A new Observation of a MultiDatastream: its result is an array (its size is checked where it is stored). */
    static void checkResultIsArray(Ref.Existing parent, Object result, Pointer at) {
        if (parent.type() == EntityType.MULTI_DATASTREAM
                && !(result instanceof PropertyColumns.Result r && r.type() == Results.OTHER_JSON && r.json().startsWith("["))) {
            throw notAnArray(at.child("result"));
        }
    }

    /**
     * After an Observation's result or (Multi)Datastream changed: a MultiDatastream's still fits it; {@code at} is
     * where the error points (the result, or the link to the MultiDatastream).
     */
    static void checkObservation(WriteScope scope, long observationId, Pointer at) throws SQLException {
        Sql fit = Sql.concat("select jsonb_array_length(m.unit_of_measurements), case when o.result_type = 5 and"
                + " jsonb_typeof(o.result_json) = 'array' then jsonb_array_length(o.result_json) end"
                + " from sta_observation o join sta_multi_datastream m on m.id = o.multi_datastream_id where o.id = ",
                Sql.param(observationId));
        try (PreparedStatement statement = Statements.prepare(scope.connection(), fit);
             ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
                int size = rs.getInt(2);
                if (rs.wasNull()) {
                    throw notAnArray(at);
                }
                if (size != rs.getInt(1)) {
                    throw wrongSize(rs.getInt(1), size, at);
                }
            }
        }
    }

    /** The rejection of a result whose size differs from its MultiDatastream's number of ObservedProperties. */
    static ApiException wrongSize(int expected, int found, Pointer at) {
        return ApiException.badRequest("the result of an Observation of this MultiDatastream must be an array of "
                + expected + " values, one per ObservedProperty, found " + found, at.where());
    }

    private static ApiException notAnArray(Pointer at) {
        return ApiException.badRequest("the result of an Observation of a MultiDatastream must be a JSON array with one"
                + " value per ObservedProperty, in their order", at.where());
    }

    /** Links between MultiDatastreams and ObservedProperties, seen from either side. */
    static boolean isPropertyLink(Navigation navigation) {
        return navigation != null && navigation.relation() instanceof Relation.LinkTable link
                && link.table().equals(linkTable());
    }

    static ApiException fixedProperties(String where) {
        return ApiException.badRequest("the ObservedProperties of a MultiDatastream are given, in order, when it is"
                + " created and cannot change afterwards: every result of its Observations depends on them", where);
    }

    /** A MultiDatastream created or linked from one of its ObservedProperties would not say where that one goes. */
    static ApiException notFromObservedProperty(String where) {
        return ApiException.badRequest("a MultiDatastream names all its ObservedProperties itself, in the order of its"
                + " results; create it through MultiDatastreams, Things(n)/MultiDatastreams or Sensors(n)/MultiDatastreams",
                where);
    }

    private static String linkTable() {
        return ((Relation.LinkTable) OBSERVED_PROPERTIES.relation()).table();
    }

    private static Property property(String name) {
        return EntityType.MULTI_DATASTREAM.property(name).orElseThrow();
    }

    private static ApiException sizeMismatch(String name, int size, int properties, Pointer at) {
        return ApiException.badRequest(name + " has " + size + " elements, but the MultiDatastream has " + properties
                + " ObservedProperties; each element of a result needs one of each, in the same order", at.where());
    }
}
