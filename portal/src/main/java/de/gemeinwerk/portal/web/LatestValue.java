package de.gemeinwerk.portal.web;

import tools.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * One Datastream with its latest value, as a page shows it; read from the JSON of a standard read of Datastreams
 * with {@code unitOfMeasurement}, {@code Thing}, {@code ObservedProperty} and the latest Observation expanded.
 *
 * @param time    formatted for the reader, empty when there is no Observation
 * @param timeIso the Observation's phenomenonTime as the API gives it (for {@code <time datetime>}), or null
 */
public record LatestValue(long datastreamId, String datastream, Long thingId, String thing, String observedProperty,
                   String value, String unit, String time, String timeIso) {

    static LatestValue of(JsonNode datastream, Locale locale) {
        JsonNode thing = datastream.path("Thing");
        JsonNode latest = datastream.path("Observations").path(0);
        String timeIso = latest.path("phenomenonTime").isString() ? latest.path("phenomenonTime").asString() : null;
        return new LatestValue(datastream.path("@iot.id").asLong(), datastream.path("name").asString(""),
                thing.isObject() ? thing.path("@iot.id").asLong() : null, thing.path("name").asString(""),
                datastream.path("ObservedProperty").path("name").asString(""),
                Formats.result(latest.path("result"), locale),
                Formats.unit(datastream.path("unitOfMeasurement").path("symbol").asString("")),
                Formats.time(timeIso, locale), timeIso);
    }

    /** Whether the Datastream has an Observation yet (public: templates call it). */
    public boolean hasValue() {
        return timeIso != null;
    }
}
