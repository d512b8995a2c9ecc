package de.gemeinwerk.sensorthings.batch;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request inside a batch, as the batch states it: nothing is resolved yet.
 *
 * @param id        the request's id (JSON {@code id}, multipart {@code Content-ID}); null when a multipart part has none
 * @param group     the atomicity group (JSON {@code atomicityGroup}; multipart: the change set) or null
 * @param dependsOn ids of requests or atomicity groups that must have succeeded first (JSON only)
 * @param method    upper case: GET, POST, PATCH, PUT or DELETE
 * @param url       as given: relative to the service root, an absolute path or an absolute URL, maybe starting
 *                  with a {@code $id} reference
 * @param headers   the request's own headers, names case-insensitive
 * @param body      the body, or null
 * @param where     how error messages name this request, e.g. {@code requests[3]} or {@code part 2.1}
 */
public record SubRequest(String id, String group, List<String> dependsOn, String method, String url,
                         Map<String, String> headers, Body body, String where) {

    public SubRequest {
        dependsOn = List.copyOf(dependsOn);
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseInsensitive);
    }

    /** A body as the batch carries it: parsed JSON (JSON batch) or the bytes of a multipart part. */
    public sealed interface Body {
        record Json(JsonNode node) implements Body {}

        record Bytes(byte[] bytes) implements Body {}
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Names a member of this request for {@code where}: {@code requests[3].url}, {@code part 2.1 url}. */
    public String where(String member) {
        return where + (where.startsWith("requests[") ? "." : " ") + member;
    }

    public boolean reads() {
        return method.equals("GET");
    }
}
