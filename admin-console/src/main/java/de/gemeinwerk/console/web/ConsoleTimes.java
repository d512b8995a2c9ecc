package de.gemeinwerk.console.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on console pages as municipal staff read them: local time of the municipality, to the minute. Pure. */
public final class ConsoleTimes {

    /** German municipalities; a tenant setting when the first foreign one joins (as the portal's Formats says). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(ZONE);

    private ConsoleTimes() {}

    /** e.g. {@code 22.11.2026, 14:05}; empty for null. */
    public static String format(Instant time) {
        return time == null ? "" : FORMAT.format(time);
    }
}
