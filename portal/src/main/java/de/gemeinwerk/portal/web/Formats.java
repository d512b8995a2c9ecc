package de.gemeinwerk.portal.web;

import tools.jackson.databind.JsonNode;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How the pages show values and times to citizens: numbers in the reader's language (87,5 in German), times in the
 * municipality's local time without seconds. The map and chart scripts format the same way (Intl with the same zone),
 * so a value looks alike before and after a live update. Pure.
 */
final class Formats {

    /** German municipalities: their citizens read local time. A tenant setting when the first foreign one joins. */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int MAX_FRACTION_DIGITS = 2;

    private Formats() {}

    /** A result as text: numbers localised, booleans as words, anything else as its JSON; null as an empty text. */
    static String result(JsonNode result, Locale locale) {
        if (result == null || result.isNull() || result.isMissingNode()) {
            return "";
        }
        if (result.isNumber()) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(MAX_FRACTION_DIGITS);
            return format.format(result.doubleValue());
        }
        if (result.isString()) {
            return result.asString();
        }
        return result.toString();
    }

    /**
     * A unit symbol as a reader sees it (common.js does the same): UCUM's annotations in braces ({@code {count}},
     * {@code {vehicles}}) are no unit a citizen reads, so they are left out, and the UCUM codes sensors often send
     * are written as people write them ({@code Cel} → °C).
     */
    static String unit(String symbol) {
        if (symbol.startsWith("{") && symbol.endsWith("}")) {
            return "";
        }
        return switch (symbol) {
            case "Cel" -> "°C";
            case "ug/m3" -> "µg/m³";
            case "mg/m3" -> "mg/m³";
            case "m3" -> "m³";
            case "m3/s" -> "m³/s";
            case "m2" -> "m²";
            default -> symbol;
        };
    }

    /** The instant a SensorThings time stands for: the instant itself, or the end of an interval "start/end". */
    static Instant instant(String time) {
        String last = time.substring(time.indexOf('/') + 1);
        return OffsetDateTime.parse(last).toInstant();
    }

    /** e.g. "22.11.2026, 11:00" in German; empty for null or a time that cannot be read. */
    static String time(String time, Locale locale) {
        if (time == null || time.isEmpty()) {
            return "";
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZONE).format(instant(time));
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
