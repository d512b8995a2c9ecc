package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code google.protobuf.Struct} (the decoded {@code object} of a binary ChirpStack event) as the JSON object it
 * stands for: Struct {@code fields} = 1 (map entries: key 1, value 2); Value {@code null_value} 1,
 * {@code number_value} 2, {@code string_value} 3, {@code bool_value} 4, {@code struct_value} 5,
 * {@code list_value} 6; ListValue {@code values} = 1.
 */
final class ProtoStruct {

    /** Nesting deeper than any decoder produces; refusing it keeps a hostile body from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtoStruct() {
    }

    static ObjectNode object(ProtoMessage struct) {
        return WholeNumbers.integral(struct(struct, 0));
    }

    private static ObjectNode struct(ProtoMessage struct, int depth) {
        ObjectNode object = NODES.objectNode();
        for (ProtoMessage entry : struct.messages(1, "fields")) {
            ProtoMessage value = entry.message(2, "value");
            object.set(entry.string(1, "key"), value == null ? NODES.nullNode() : value(value, depth + 1));
        }
        return object;
    }

    private static JsonNode value(ProtoMessage value, int depth) {
        if (depth > MAX_DEPTH) {
            throw ApiException.badRequest("The decoded object is nested deeper than " + MAX_DEPTH + " levels.",
                    value.pointer());
        }
        if (value.has(2)) {
            return NODES.numberNode(value.doubleValue(2, "numberValue"));
        }
        if (value.has(3)) {
            return NODES.stringNode(value.string(3, "stringValue"));
        }
        if (value.has(4)) {
            return NODES.booleanNode(value.varint(4, "boolValue") != 0);
        }
        if (value.has(5)) {
            return struct(value.message(5, "structValue"), depth);
        }
        if (value.has(6)) {
            ArrayNode array = NODES.arrayNode();
            for (ProtoMessage element : value.message(6, "listValue").messages(1, "values")) {
                array.add(value(element, depth + 1));
            }
            return array;
        }
        return NODES.nullNode();
    }
}
