package de.gemeinwerk.lorawan.decoder;

import de.gemeinwerk.lorawan.uplink.WholeNumbers;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads what {@code decodeUplink} returned into JSON, within the call's budget (a getter in the result runs
 * JavaScript). Like {@code JSON.stringify}, but strict where a silent loss would hide a broken decoder: functions,
 * symbols, NaN and infinities, cycles and oversized results are {@link DecoderException.Kind#BAD_OUTPUT}.
 */
final class DecoderOutput {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_NODES = 10_000;
    private static final int MAX_CHARS = 256 * 1024;
    private static final int MAX_MESSAGES = 100;
    /** Doubles up to 2^53 are exact integers; beyond that a whole double is still written as a double. */

    private final Set<Object> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;
    private int chars;

    private DecoderOutput() {
    }

    static DecodedPayload read(Object result) {
        if (!(result instanceof ScriptableObject object) || result instanceof Callable) {
            throw new DecoderException(DecoderException.Kind.FAILED,
                    "decodeUplink returned " + describe(result) + ", not an object {data, warnings, errors}");
        }
        DecoderOutput output = new DecoderOutput();
        List<String> errors = output.messages(ScriptableObject.getProperty(object, "errors"), "errors");
        if (!errors.isEmpty()) {
            throw new DecoderException(DecoderException.Kind.FAILED, "the decoder reported: " + String.join("; ", errors));
        }
        Object data = ScriptableObject.getProperty(object, "data");
        if (!(data instanceof ScriptableObject) || data instanceof NativeArray || data instanceof Callable) {
            throw new DecoderException(DecoderException.Kind.FAILED,
                    "decodeUplink returned no data object (data is " + describe(data) + ")");
        }
        List<String> warnings = output.messages(ScriptableObject.getProperty(object, "warnings"), "warnings");
        return new DecodedPayload((ObjectNode) output.node(data, "/data", 0), warnings);
    }

    private List<String> messages(Object value, String name) {
        if (value == ScriptableObject.NOT_FOUND || Undefined.isUndefined(value) || value == null) {
            return List.of();
        }
        if (!(value instanceof NativeArray array)) {
            throw bad("/" + name + " is " + describe(value) + ", not an array of strings");
        }
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < array.getLength() && i < MAX_MESSAGES; i++) {
            messages.add(countChars(Context.toString(array.get(i, array))));
        }
        return messages;
    }

    private JsonNode node(Object value, String where, int depth) {
        if (++nodes > MAX_NODES) {
            throw bad("the decoded object has more than " + MAX_NODES + " values");
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof CharSequence text) {
            return NODES.stringNode(countChars(text.toString()));
        }
        if (value instanceof BigInteger bigInt) {
            return NODES.numberNode(bigInt);
        }
        if (value instanceof Number number) {
            return number(number, where);
        }
        if (value instanceof Callable || value instanceof Symbol || !(value instanceof ScriptableObject object)) {
            throw bad(where + " is " + describe(value) + ", which JSON cannot hold");
        }
        if (depth >= MAX_DEPTH) {
            throw bad(where + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        if ("Date".equals(object.getClassName())) {
            return NODES.stringNode(Context.toString(ScriptableObject.callMethod(object, "toISOString", new Object[0])));
        }
        if (!path.add(object)) {
            throw bad(where + " refers back to an enclosing object (a cycle)");
        }
        JsonNode node = object instanceof NativeArray array ? array(array, where, depth) : object(object, where, depth);
        path.remove(object);
        return node;
    }

    private ArrayNode array(NativeArray array, String where, int depth) {
        ArrayNode node = NODES.arrayNode();
        long length = array.getLength();
        for (int i = 0; i < length; i++) {
            Object element = array.get(i, array);
            node.add(Undefined.isUndefined(element) || element == ScriptableObject.NOT_FOUND
                    ? NODES.nullNode() : node(element, where + "/" + i, depth + 1));
        }
        return node;
    }

    private ObjectNode object(ScriptableObject object, String where, int depth) {
        ObjectNode node = NODES.objectNode();
        for (Object id : object.getIds()) {
            String key = countChars(id.toString());
            Object value = id instanceof Integer index
                    ? ScriptableObject.getProperty(object, index) : ScriptableObject.getProperty(object, key);
            if (!Undefined.isUndefined(value) && value != ScriptableObject.NOT_FOUND) { // undefined: left out, as by JSON.stringify
                node.set(key, node(value, where + "/" + key, depth + 1));
            }
        }
        return node;
    }

    /** JavaScript has only doubles: a whole one is written as an integer, so a Datastream result is 30, not 30.0. */
    private static JsonNode number(Number number, String where) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return WholeNumbers.integer(number.longValue());
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw bad(where + " is " + value + ", which JSON cannot hold");
        }
        if (WholeNumbers.isWhole(value)) {
            return WholeNumbers.integer((long) value); // the cast also turns -0 into 0
        }
        return NODES.numberNode(value);
    }

    private String countChars(String text) {
        chars += text.length();
        if (chars > MAX_CHARS) {
            throw bad("the decoded object holds more than " + MAX_CHARS + " characters");
        }
        return text;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (Undefined.isUndefined(value) || value == ScriptableObject.NOT_FOUND) {
            return "undefined";
        }
        if (value instanceof Callable) {
            return "a function";
        }
        if (value instanceof Symbol) {
            return "a symbol";
        }
        if (value instanceof NativeArray) {
            return "an array";
        }
        return value instanceof ScriptableObject ? "an object" : "the " + (value instanceof CharSequence ? "string" : "value")
                + " " + Context.toString(value);
    }

    private static DecoderException bad(String message) {
        return new DecoderException(DecoderException.Kind.BAD_OUTPUT, message);
    }
}
