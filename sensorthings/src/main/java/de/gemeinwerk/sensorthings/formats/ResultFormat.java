package de.gemeinwerk.sensorthings.formats;

import de.gemeinwerk.platform.error.ApiException;

import java.util.Arrays;

/**
 * The values of {@code $resultFormat}. Matched without regard to case, as FROST-Server does ({@code csv},
 * {@code geojson} and {@code dataarray} work too); an unknown one is a 400 that lists them.
 */
public enum ResultFormat {
    /** SensorThings 1.1 Data Array extension, collections of Observations (package {@code dataarray}). */
    DATA_ARRAY("dataArray"),
    /** RFC 4180 text, one row per entity ({@link CsvWriter}). */
    CSV("CSV"),
    /** An RFC 7946 FeatureCollection, one Feature per entity ({@link GeoJsonWriter}). */
    GEO_JSON("GeoJSON");

    public static final String OPTION = "$resultFormat";

    private final String value;

    ResultFormat(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static ResultFormat parse(String text) {
        for (ResultFormat format : values()) {
            if (format.value.equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw ApiException.badRequest("unknown $resultFormat '" + text + "'; this server has "
                + String.join(", ", Arrays.stream(values()).map(ResultFormat::value).toList()), OPTION);
    }
}
