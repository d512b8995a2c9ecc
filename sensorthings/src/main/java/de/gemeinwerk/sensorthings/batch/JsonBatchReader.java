package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON batch request body (OData JSON Format 4.01, section 19): {@code {"requests": [{"id", "method",
 * "url", "atomicityGroup", "dependsOn", "headers", "body"}, ...]}}. Strict: a missing or mistyped member is a 400
 * that names it, e.g. {@code requests[3].url}.
 */
public final class JsonBatchReader {

    static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    private static final Set<String> MEMBERS = Set.of("id", "method", "url", "atomicityGroup", "dependsOn", "headers",
            "body");

    private JsonBatchReader() {}

    public static List<SubRequest> read(JsonNode root) {
        JsonNode requests = root.isObject() ? root.get("requests") : null;
        if (requests == null || !requests.isArray()) {
            throw ApiException.badRequest("a JSON batch is an object {\"requests\": [...]}", "body");
        }
        for (String name : root.propertyNames()) {
            if (!name.equals("requests") && !name.startsWith("@")) {
                throw ApiException.badRequest("a JSON batch has no member '" + name + "'", name);
            }
        }
        List<SubRequest> result = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            result.add(request(requests.get(i), "requests[" + i + "]"));
        }
        return result;
    }

    private static SubRequest request(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ApiException.badRequest("each request is an object with id, method and url", where);
        }
        for (String name : node.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                throw ApiException.badRequest("a batch request has no member '" + name + "'; it has "
                        + String.join(", ", MEMBERS.stream().sorted().toList()), where + "." + name);
            }
        }
        String id = requiredString(node, "id", where);
        String method = requiredString(node, "method", where).toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw ApiException.badRequest("the method must be one of get, post, patch, put, delete", where + ".method");
        }
        String url = requiredString(node, "url", where);
        String group = optionalString(node, "atomicityGroup", where);
        JsonNode body = node.get("body");
        if (body != null && (method.equals("GET") || method.equals("DELETE"))) {
            throw ApiException.badRequest("a " + method + " request has no body", where + ".body");
        }
        return new SubRequest(id, group, dependsOn(node.get("dependsOn"), where), method, url,
                headers(node.get("headers"), where), body == null ? null : new SubRequest.Body.Json(body), where);
    }

    private static List<String> dependsOn(JsonNode node, String where) {
        if (node == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode name : node) {
                if (name.isString()) {
                    names.add(name.asString());
                }
            }
        }
        if (!node.isArray() || names.size() != node.size()) {
            throw ApiException.badRequest("dependsOn is an array of request ids and atomicity groups",
                    where + ".dependsOn");
        }
        return names;
    }

    private static Map<String, String> headers(JsonNode node, String where) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("headers is an object of header names and string values", where + ".headers");
        }
        for (Map.Entry<String, JsonNode> header : node.properties()) {
            if (!header.getValue().isString()) {
                throw ApiException.badRequest("the value of a header is a string", where + ".headers." + header.getKey());
            }
            headers.put(header.getKey(), header.getValue().asString());
        }
        return headers;
    }

    private static String requiredString(JsonNode node, String name, String where) {
        String value = optionalString(node, name, where);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("each batch request needs '" + name + "'", where + "." + name);
        }
        return value;
    }

    private static String optionalString(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.badRequest("'" + name + "' must be a string", where + "." + name);
        }
        return value.asString();
    }
}
