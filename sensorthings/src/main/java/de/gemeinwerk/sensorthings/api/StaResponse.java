package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.batch.SubResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rendered response: status, headers and the complete body. Sent as is over HTTP, or embedded in a batch
 * response — so a request inside a batch is answered exactly as the same request alone.
 */
record StaResponse(int status, Map<String, String> headers, byte[] body) implements SubResponse {

    private static final byte[] EMPTY = new byte[0];

    static StaResponse empty(int status) {
        return new StaResponse(status, Map.of(), EMPTY);
    }

    static StaResponse of(int status, String contentType, byte[] body) {
        return new StaResponse(status, Map.of("Content-Type", contentType), body);
    }

    StaResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StaResponse(status, more, body);
    }

    void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }
}
