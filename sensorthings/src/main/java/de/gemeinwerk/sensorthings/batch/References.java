package de.gemeinwerk.sensorthings.batch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $id} references to the entity an earlier request of the batch created or returned: as the first segment
 * of a URL ({@code $1/Datastreams}, OData 4.0 11.7.3.1 and 4.01 JSON 19.1) and as the value of {@code @iot.id} in a
 * body ({@code "Sensor": {"@iot.id": "$sensor1"}}, as SensorThings 1.1, 11.2.2, and FROST-Server do). Ids of this
 * server are numbers, so a string starting with {@code $} can only be a reference.
 */
public final class References {

    private static final String ID = "@iot.id";

    /** The entity a request created or returned. */
    public record Entity(String setName, long id) {
        String path() {
            return setName + "(" + id + ")";
        }
    }

    /** What {@code $id} stands for; throws an {@code ApiException} when it cannot be used. */
    @FunctionalInterface
    public interface Lookup {
        Entity entity(String id, String where);
    }

    private References() {}

    /** The URL with a leading {@code $id} segment replaced by the entity's path, e.g. {@code Sensors(5)/Datastreams}. */
    public static String url(String url, Lookup lookup, String where) {
        if (!url.startsWith("$")) {
            return url;
        }
        int end = url.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = url.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return lookup.entity(url.substring(1, end), where).path() + url.substring(end);
    }

    /**
     * Replaces, in place, every {@code "@iot.id": "$id"} of the body by the entity's id.
     *
     * @param where how errors name the body, followed by the JSON Pointer of the reference
     */
    public static void body(JsonNode body, Lookup lookup, String where) {
        if (body instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> member : members) {
                JsonNode value = member.getValue();
                if (member.getKey().equals(ID) && value.isString() && value.asString().startsWith("$")) {
                    object.put(ID, lookup.entity(value.asString().substring(1), pointer(where, ID)).id());
                } else {
                    body(value, lookup, pointer(where, member.getKey()));
                }
            }
        } else if (body != null && body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                body(body.get(i), lookup, pointer(where, String.valueOf(i)));
            }
        }
    }

    /** {@code where} followed by a JSON Pointer (RFC 6901) step. */
    private static String pointer(String where, String name) {
        return where + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
