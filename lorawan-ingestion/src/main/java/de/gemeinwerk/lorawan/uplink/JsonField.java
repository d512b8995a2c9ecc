package de.gemeinwerk.lorawan.uplink;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.json.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One value of a network server's JSON message together with its JSON pointer, so that every 400 names the exact
 * place ({@code /deviceInfo/devEui}). Network servers add fields with every release, so unknown fields are read
 * past, not refused (unlike {@code StrictJson} for Gemeinwerk's own API); a field that is missing or
 * {@code null} counts as not sent.
 */
final class JsonField {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonNode node;
    // the pointer is made only for an error: a request reads dozens of fields and (almost always) has none
    private final JsonField parent;
    private final String token;

    private JsonField(JsonNode node, JsonField parent, String token) {
        this.node = node;
        this.parent = parent;
        this.token = token;
    }

    /** The body as a JSON object; 400 when it is empty, not JSON or not an object. */
    static JsonField parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("The request body is empty.", "body");
        }
        try {
            return new JsonField(MAPPER.readTree(body), null, null).object();
        } catch (JacksonException e) {
            throw JsonErrors.toApiException(e);
        }
    }

    JsonField get(String name) {
        return new JsonField(node.path(name), this, name);
    }

    /** Where this value is in the message, as a JSON pointer ({@code /} for the whole message). */
    String pointer() {
        return parent == null ? "/" : path();
    }

    private String path() {
        return parent == null ? "" : parent.path() + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    boolean isPresent() {
        return !node.isMissingNode() && !node.isNull();
    }

    ApiException error(String detail) {
        return ApiException.badRequest(detail, pointer());
    }

    JsonField object() {
        requirePresent();
        if (!node.isObject()) {
            throw error(pointer() + " must be a JSON object.");
        }
        return this;
    }

    /** The elements of an array; none when the field is not sent. */
    List<JsonField> elements() {
        List<JsonField> elements = new ArrayList<>();
        if (!isPresent()) {
            return elements;
        }
        if (!node.isArray()) {
            throw error(pointer() + " must be a JSON array.");
        }
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonField(node.get(i), this, Integer.toString(i)));
        }
        return elements;
    }

    /** The first property of an object, if it has any. */
    Optional<JsonField> firstValue() {
        return node.propertyNames().stream().findFirst().map(this::get);
    }

    String string() {
        requirePresent();
        if (!node.isString()) {
            throw error(pointer() + " must be a string.");
        }
        return node.stringValue();
    }

    String optionalString() {
        return isPresent() ? string() : null;
    }

    String devEui() {
        return DevEui.normalise(string(), pointer());
    }

    /** An RFC 3339 timestamp with offset ({@code +00:00} from ChirpStack, {@code Z} from TTS); null when not sent. */
    Instant optionalInstant() {
        if (!isPresent()) {
            return null;
        }
        String text = string();
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            throw error(pointer() + " must be an RFC 3339 timestamp with offset, not '" + text + "'.");
        }
    }

    /** A whole number within [min, max]; null when not sent. */
    Long optionalWhole(long min, long max) {
        if (!isPresent()) {
            return null;
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral()) {
            throw error(pointer() + " must be a whole number.");
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw error(pointer() + " must be between " + min + " and " + max + ", not " + node + ".");
        }
        return node.longValue();
    }

    Double optionalNumber() {
        if (!isPresent()) {
            return null;
        }
        if (!node.isNumber()) {
            throw error(pointer() + " must be a number.");
        }
        return node.doubleValue();
    }

    double number(double min, double max) {
        requirePresent();
        Double value = optionalNumber();
        if (value < min || value > max) {
            throw error(pointer() + " must be between " + min + " and " + max + ", not " + node + ".");
        }
        return value;
    }

    /** Standard base64 (padded, as both network servers write it); empty when not sent. */
    byte[] base64() {
        if (!isPresent()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(string());
        } catch (IllegalArgumentException e) {
            throw error(pointer() + " is not valid base64: " + e.getMessage());
        }
    }

    /** A decoded payload object with its whole numbers made integral ({@link WholeNumbers}); null when not sent. */
    ObjectNode optionalDecodedObject() {
        return isPresent() ? WholeNumbers.integral((ObjectNode) object().node) : null;
    }

    /** A WGS 84 position object with {@code latitude}, {@code longitude} and optional {@code altitude}. */
    UplinkLocation location() {
        object();
        return new UplinkLocation(get("latitude").number(-90, 90), get("longitude").number(-180, 180),
                get("altitude").optionalNumber());
    }

    /** How one gateway heard the uplink; RSSI rounded to whole dBm (TTS sends it as a float). */
    RadioReception reception(String gatewayId) {
        Double rssi = get("rssi").optionalNumber();
        return new RadioReception(gatewayId, rssi == null ? null : (int) Math.round(rssi), get("snr").optionalNumber());
    }

    private void requirePresent() {
        if (!isPresent()) {
            throw error(pointer() + " is missing.");
        }
    }
}
