package de.gemeinwerk.lorawan.imports;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * Where a device stands, as people type it into a spreadsheet or a form: latitude and longitude in decimal degrees
 * (WGS 84), an optional altitude in metres; a decimal comma is as good as a point. Pure.
 *
 * @param altitude null when not given
 */
public record Position(double latitude, double longitude, Double altitude) {

    // no exponents, NaN, infinities or thousands separators: what a person types, not what a program prints
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,15}(?:[.,]\\d{1,15})?");

    /** Why the typed position is no position; {@code field()} is {@code latitude}, {@code longitude} or {@code altitude}. */
    public static final class Invalid extends RuntimeException {

        private final String field;

        Invalid(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The position in the three texts (each may be null or blank); null when none is given. */
    public static Position parse(String latitude, String longitude, String altitude) {
        Double lat = number(latitude, "latitude", 90);
        Double lon = number(longitude, "longitude", 180);
        Double alt = number(altitude, "altitude", 20_000);
        if ((lat == null) != (lon == null)) {
            throw new Invalid(lat == null ? "latitude" : "longitude", "Give latitude and longitude both, or neither.");
        }
        if (lat == null) {
            if (alt != null) {
                throw new Invalid("altitude", "An altitude needs latitude and longitude.");
            }
            return null;
        }
        return new Position(lat, lon, alt);
    }

    /** The position of a GeoJSON Point; null for anything else (no location, another geometry). */
    public static Position of(JsonNode location) {
        if (location == null || !"Point".equals(location.path("type").asString(null))) {
            return null;
        }
        JsonNode coordinates = location.path("coordinates");
        if (coordinates.size() < 2 || coordinates.size() > 3 || !coordinates.get(0).isNumber()
                || !coordinates.get(1).isNumber() || (coordinates.size() == 3 && !coordinates.get(2).isNumber())) {
            return null;
        }
        return new Position(coordinates.get(1).asDouble(), coordinates.get(0).asDouble(),
                coordinates.size() == 3 ? coordinates.get(2).asDouble() : null);
    }

    /** A GeoJSON Point, longitude first. */
    public ObjectNode geoJson() {
        ObjectNode point = JsonNodeFactory.instance.objectNode().put("type", "Point");
        ArrayNode coordinates = point.putArray("coordinates").add(longitude).add(latitude);
        if (altitude != null) {
            coordinates.add(altitude);
        }
        return point;
    }

    private static Double number(String text, String field, double limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!NUMBER.matcher(value).matches()) {
            throw new Invalid(field, "'" + value + "' is no decimal number.");
        }
        double number = Double.parseDouble(value.replace(',', '.'));
        if (Math.abs(number) > limit) {
            throw new Invalid(field, "The " + field + " must lie between -" + (long) limit + " and " + (long) limit
                    + ".");
        }
        return number;
    }
}
