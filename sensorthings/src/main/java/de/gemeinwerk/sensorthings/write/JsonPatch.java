package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an RFC 6902 JSON Patch (add, remove, replace, move, copy, test) to a copy of a JSON document.
 * Errors point at the operation in the patch ({@code body: /2/path}); a failed {@code test} is a 409, since
 * the patch is well-formed but the entity is not in the state the client expected.
 */
final class JsonPatch {

    private JsonPatch() {}

    static JsonNode apply(JsonNode document, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw ApiException.badRequest("a JSON Patch must be an array of operations such as"
                    + " [{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"new\"}]", Pointer.BODY.where());
        }
        JsonNode result = document.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            result = applyOne(result, patch.get(i), Pointer.BODY.child(i));
        }
        return result;
    }

    private static JsonNode applyOne(JsonNode document, JsonNode operation, Pointer at) {
        if (!operation.isObject()) {
            throw ApiException.badRequest("an operation must be an object with op and path", at.where());
        }
        String op = string(operation, "op", at);
        List<String> path = tokens(string(operation, "path", at), at.child("path"));
        Pointer pathAt = at.child("path");
        return switch (op) {
            case "add" -> add(document, path, value(operation, at), pathAt);
            case "remove" -> {
                remove(document, path, pathAt);
                yield document;
            }
            case "replace" -> {
                JsonNode value = value(operation, at);
                remove(document, path, pathAt);
                yield add(document, path, value, pathAt);
            }
            case "move" -> {
                Pointer fromAt = at.child("from");
                List<String> from = tokens(string(operation, "from", at), fromAt);
                if (path.size() > from.size() && path.subList(0, from.size()).equals(from)) {
                    throw ApiException.badRequest("a value cannot be moved into itself", pathAt.where());
                }
                JsonNode value = get(document, from, fromAt);
                remove(document, from, fromAt);
                yield add(document, path, value, pathAt);
            }
            case "copy" -> {
                Pointer fromAt = at.child("from");
                JsonNode value = get(document, tokens(string(operation, "from", at), fromAt), fromAt).deepCopy();
                yield add(document, path, value, pathAt);
            }
            case "test" -> {
                if (!get(document, path, pathAt).equals(value(operation, at))) {
                    throw ApiException.conflict("the test of operation " + at.path() + " failed: the value at "
                            + string(operation, "path", at) + " is " + get(document, path, pathAt));
                }
                yield document;
            }
            default -> throw ApiException.badRequest("'" + op + "' is not a JSON Patch operation; use add, remove,"
                    + " replace, move, copy or test", at.child("op").where());
        };
    }

    /** Adds (or, in an object, sets) the value; the empty path replaces the whole document. */
    private static JsonNode add(JsonNode document, List<String> path, JsonNode value, Pointer at) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = get(document, path.subList(0, path.size() - 1), at);
        String last = path.getLast();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            int index = last.equals("-") ? array.size() : index(last, array.size() + 1, at);
            array.insert(index, value);
        } else {
            throw ApiException.badRequest("the path leads into a value that is neither an object nor an array", at.where());
        }
        return document;
    }

    private static void remove(JsonNode document, List<String> path, Pointer at) {
        if (path.isEmpty()) {
            throw ApiException.badRequest("the whole entity cannot be removed", at.where());
        }
        JsonNode parent = get(document, path.subList(0, path.size() - 1), at);
        String last = path.getLast();
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size(), at));
        } else {
            throw ApiException.badRequest("there is no value at this path", at.where());
        }
    }

    private static JsonNode get(JsonNode document, List<String> path, Pointer at) {
        JsonNode current = document;
        for (String token : path) {
            JsonNode next = current.isArray() ? current.get(index(token, current.size(), at))
                    : current.isObject() ? current.get(token) : null;
            if (next == null) {
                throw ApiException.badRequest("there is no value at this path", at.where());
            }
            current = next;
        }
        return current;
    }

    /** An array index below {@code limit}, written without leading zeros as RFC 6901 requires. */
    private static int index(String token, int limit, Pointer at) {
        if (!token.matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(token) >= limit) {
            throw ApiException.badRequest("'" + token + "' is not an index in this array", at.where());
        }
        return Integer.parseInt(token);
    }

    /** The reference tokens of a JSON pointer: "/properties/a~1b" → [properties, a/b]. */
    private static List<String> tokens(String pointer, Pointer at) {
        if (pointer.isEmpty()) {
            return List.of();
        }
        if (!pointer.startsWith("/")) {
            throw ApiException.badRequest("a JSON pointer starts with '/', e.g. /properties/owner", at.where());
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String string(JsonNode operation, String member, Pointer at) {
        JsonNode value = operation.get(member);
        if (value == null || !value.isString()) {
            throw ApiException.badRequest("the operation needs '" + member + "' as a string", at.child(member).where());
        }
        return value.stringValue();
    }

    private static JsonNode value(JsonNode operation, Pointer at) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw ApiException.badRequest("the operation needs a 'value'", at.where());
        }
        return value;
    }
}
