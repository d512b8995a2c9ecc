package de.gemeinwerk.sensorthings.dataarray;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST CreateObservations} (SensorThings 1.1, Data Array extension): an array of
 * groups {@code {"Datastream": {"@iot.id": n}, "components": [...], "dataArray": [[...], ...]}} (or
 * {@code "MultiDatastream"}, whose rows have array results). Each row is turned into the JSON object a client would
 * POST to {@code Datastreams(n)/Observations} (or {@code MultiDatastreams(n)/Observations}) and validated by
 * {@link ObservationInserts#parse}, so a row obeys exactly the rules of a single Observation. A row that breaks
 * them (or belongs to a group whose components name something an Observation does not have) becomes a
 * rejection of its own; only a body whose structure is wrong is refused as a whole (400, with a JSON pointer).
 */
public final class CreateObservationsBody {

    /** The one component that is not a property: the id of an existing FeatureOfInterest. */
    private static final String FEATURE_ID = "FeatureOfInterest/id";
    private static final String ID = "@iot.id";

    private CreateObservationsBody() {}

    /** One row of the body, in body order: an Observation to store, or why it cannot be stored. */
    public sealed interface Entry {

        record Valid(ObservationInserts.Row row) implements Entry {}

        record Invalid(ApiException reason) implements Entry {}
    }

    public static List<Entry> parse(long tenantId, JsonNode body, OffsetDateTime now) {
        if (!body.isArray()) {
            throw ApiException.badRequest("CreateObservations takes a JSON array of"
                    + " {\"Datastream\": {\"@iot.id\": n}, \"components\": [...], \"dataArray\": [[...]]}", "/");
        }
        List<Entry> entries = new ArrayList<>();
        for (int g = 0; g < body.size(); g++) {
            group(tenantId, body.get(g), "/" + g, now, entries);
        }
        return entries;
    }

    private static void group(long tenantId, JsonNode group, String at, OffsetDateTime now, List<Entry> entries) {
        if (!group.isObject()) {
            throw ApiException.badRequest("each element must be an object with Datastream (or MultiDatastream),"
                    + " components and dataArray",
                    at);
        }
        EntityType parentType = parentType(group, at);
        long parentId = parentId(group.get(parentType.entityName()), parentType, at + "/" + parentType.entityName());
        List<String> components = components(group.get("components"), at + "/components");
        JsonNode dataArray = group.get("dataArray");
        if (dataArray == null || !dataArray.isArray()) {
            throw ApiException.badRequest("dataArray must be an array of rows, each an array of values", at + "/dataArray");
        }
        ApiException unknown = unknownComponent(components, at + "/components");
        for (int r = 0; r < dataArray.size(); r++) {
            String rowAt = at + "/dataArray/" + r;
            if (unknown != null) {
                entries.add(new Entry.Invalid(unknown));
                continue;
            }
            try {
                JsonNode observation = observation(components, dataArray.get(r), rowAt);
                entries.add(new Entry.Valid(ObservationInserts.parse(tenantId, parentType, parentId, observation, now)));
            } catch (ApiException rejected) {
                entries.add(new Entry.Invalid(rejected));
            }
        }
    }

    /** A group is of one Datastream or of one MultiDatastream. */
    private static EntityType parentType(JsonNode group, String at) {
        boolean datastream = group.has(EntityType.DATASTREAM.entityName());
        boolean multi = group.has(EntityType.MULTI_DATASTREAM.entityName());
        if (datastream == multi) {
            throw ApiException.badRequest("each element names either a Datastream or a MultiDatastream, e.g."
                    + " {\"Datastream\": {\"@iot.id\": 1}}", multi ? at + "/MultiDatastream" : at);
        }
        return multi ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM;
    }

    private static long parentId(JsonNode parent, EntityType type, String at) {
        if (!parent.isObject() || parent.get(ID) == null || !parent.get(ID).isIntegralNumber()
                || !parent.get(ID).canConvertToLong()) {
            throw ApiException.badRequest(type.entityName() + " must be given as {\"@iot.id\": n} with an integer id", at);
        }
        return parent.get(ID).longValue();
    }

    private static List<String> components(JsonNode components, String at) {
        if (components == null || !components.isArray() || components.isEmpty()) {
            throw ApiException.badRequest("components must be a non-empty array of names such as"
                    + " [\"phenomenonTime\", \"result\"]", at);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode name = components.get(i);
            if (!name.isString()) {
                throw ApiException.badRequest("each component must be a string", at + "/" + i);
            }
            if (names.contains(name.asString())) {
                throw ApiException.badRequest("the component '" + name.asString() + "' is given twice", at + "/" + i);
            }
            names.add(name.asString());
        }
        return names;
    }

    /** The rejection of every row of a group naming something an Observation cannot be given, or null. */
    private static ApiException unknownComponent(List<String> components, String at) {
        for (int i = 0; i < components.size(); i++) {
            String name = components.get(i);
            if (!name.equals(FEATURE_ID) && EntityType.OBSERVATION.property(name).isEmpty()) {
                return ApiException.badRequest("an Observation cannot be given '" + name + "'; components are "
                        + "phenomenonTime, result, resultTime, resultQuality, validTime, parameters and "
                        + FEATURE_ID, at + "/" + i);
            }
        }
        return null;
    }

    /** The row as the body of a single Observation, e.g. {"phenomenonTime": ..., "FeatureOfInterest": {"@iot.id": 1}}. */
    private static JsonNode observation(List<String> components, JsonNode row, String at) {
        if (!row.isArray() || row.size() != components.size()) {
            throw ApiException.badRequest("each row must be an array of " + components.size()
                    + " values, one per component", at);
        }
        ObjectNode observation = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < components.size(); i++) {
            String name = components.get(i);
            if (name.equals(FEATURE_ID)) {
                // null: none given, so the one generated from the Thing's Location is used, as when it is absent
                if (!row.get(i).isNull()) {
                    observation.set("FeatureOfInterest", JsonNodeFactory.instance.objectNode().set(ID, row.get(i)));
                }
            } else {
                observation.set(name, row.get(i));
            }
        }
        return observation;
    }

}
