package de.gemeinwerk.sensorthings.batch;

import tools.jackson.core.JsonGenerator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a JSON batch response (OData JSON Format 4.01, 19.2): {@code {"responses": [{"id", "atomicityGroup",
 * "status", "headers", "body"}, ...]}}, one response per request in request order. A JSON body is embedded as
 * JSON, any other (the text of {@code $value}) as a string with its Content-Type in {@code headers}.
 */
public final class JsonBatchWriter {

    private JsonBatchWriter() {}

    public static void write(JsonGenerator g, List<SubRequest> requests, List<UnitResult> results) {
        g.writeStartObject();
        g.writeName("responses");
        g.writeStartArray();
        for (UnitResult result : results) {
            for (int i = 0; i < result.responses().size(); i++) {
                write(g, requests.get(result.unit().indexes().get(i)), result.responses().get(i));
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, SubRequest request, SubResponse response) {
        g.writeStartObject();
        g.writeStringProperty("id", request.id());
        if (request.group() != null) {
            g.writeStringProperty("atomicityGroup", request.group());
        }
        g.writeNumberProperty("status", response.status());
        String contentType = header(response.headers(), "Content-Type");
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
        // plain JSON goes without saying in a JSON batch; anything else (problem+json, text) says what it is
        boolean plainJson = json && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
        boolean headers = false;
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            if (plainJson && header.getKey().equalsIgnoreCase("Content-Type")) {
                continue;
            }
            if (!headers) {
                g.writeName("headers");
                g.writeStartObject();
                headers = true;
            }
            g.writeStringProperty(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
        }
        if (headers) {
            g.writeEndObject();
        }
        byte[] body = response.body();
        if (body.length > 0) {
            g.writeName("body");
            String text = new String(body, StandardCharsets.UTF_8);
            if (json) {
                g.writeRawValue(text);
            } else {
                g.writeString(text);
            }
        }
        g.writeEndObject();
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
