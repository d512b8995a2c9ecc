package de.gemeinwerk.platform.json;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body strictly: an unknown field or trailing content is a 400 naming the place, not silently
 * ignored. A field left out is null; so use wrapper types (Boolean, Integer) for optional fields, since Jackson 3
 * refuses to map a missing or null value to a primitive. Spring's shared JSON mapper stays lenient, since other APIs may need that.
 */
@Component
public class StrictJson {

    private final JsonMapper mapper;

    public StrictJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as {@code type}; throws {@link ApiException} (400) when it is empty, malformed or does not fit. */
    public <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("The request body is empty.", "body");
        }
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw ApiException.badRequest("The request body must be a JSON object.", "body");
            }
            return value;
        } catch (JacksonException e) {
            throw JsonErrors.toApiException(e);
        }
    }
}
