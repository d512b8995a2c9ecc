package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.batch.SubResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A rendered response: status, headers and the complete body. Sent as is over HTTP, or embedded in a batch
 * response — so a request inside a batch is answered exactly as the same request alone.
 */
record StaResponse(int status, Map<String, String> headers, ResponseBuffer content) implements SubResponse {

    static final String JSON_TYPE = MediaType.APPLICATION_JSON_VALUE + ";charset=UTF-8";

    static StaResponse empty(int status) {
        return new StaResponse(status, Map.of(), ResponseBuffer.empty());
    }

    static StaResponse of(int status, String contentType, byte[] body) {
        return of(status, contentType, ResponseBuffer.of(body));
    }

    static StaResponse of(int status, String contentType, ResponseBuffer body) {
        return new StaResponse(status, Map.of("Content-Type", contentType), body);
    }

    /**
     * JSON (or a JSON format such as GeoJSON) rendered completely before anything is sent, so a failure while
     * rendering still becomes a proper error response instead of a 200 with a cut-off body; and the client gets a
     * Content-Length.
     */
    static StaResponse json(JsonMapper mapper, int status, String contentType, Consumer<JsonGenerator> body) {
        ResponseBuffer buffer = new ResponseBuffer();
        try (JsonGenerator g = mapper.createGenerator(buffer)) {
            body.accept(g);
        }
        return of(status, contentType, buffer);
    }

    @Override
    public byte[] body() {
        return content.toByteArray();
    }

    StaResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StaResponse(status, more, content);
    }

    /** Sends status, headers and body, the body straight from the buffer it was rendered into. */
    void send(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentLength(content.size());
        if (content.size() > 0) {
            content.writeTo(response.getOutputStream());
        }
    }
}
