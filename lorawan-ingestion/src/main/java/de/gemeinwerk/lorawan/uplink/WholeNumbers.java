package de.gemeinwerk.lorawan.uplink;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Makes whole-valued floating-point numbers of a decoded payload integral: {@code 100.0} becomes {@code 100}.
 * <p>
 * Why: ChirpStack passes a codec's result through {@code google.protobuf.Struct}, whose only number type is f64,
 * so a battery of {@code 100} arrives as {@code 100.0}; The Things Stack sends the same decoder's result as
 * {@code 100}. JSON does not tell the two apart, yet Jackson does ({@code 100.0} is a DoubleNode and neither equals
 * nor prints as {@code 100}). Normalising here makes the same uplink read the same from either network server, and a
 * Datastream's result reads {@code 100} as the decoder meant it. Only values up to 2^53 are touched: up to there a
 * double holds every whole number exactly, beyond it the ".0" says nothing about the decoder's intent.
 */
public final class WholeNumbers {

    private static final double EXACT_LIMIT = 0x1p53;

    private WholeNumbers() {
    }

    static ObjectNode integral(ObjectNode object) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            copy.set(property.getKey(), integral(property.getValue()));
        }
        return copy;
    }

    private static JsonNode integral(JsonNode node) {
        if (node.isObject()) {
            return integral((ObjectNode) node);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(element -> copy.add(integral(element)));
            return copy;
        }
        if (node.isFloatingPointNumber() && isWhole(node.doubleValue())) {
            return integer((long) node.doubleValue());
        }
        return node;
    }

    /** A whole number a double holds exactly (up to 2^53): one a decoder meant as an integer. */
    public static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) <= EXACT_LIMIT;
    }

    /** The node type Jackson itself reads such a number into (int where it fits), so it equals one read from "100". */
    public static JsonNode integer(long value) {
        return value == (int) value ? JsonNodeFactory.instance.numberNode((int) value)
                : JsonNodeFactory.instance.numberNode(value);
    }
}
