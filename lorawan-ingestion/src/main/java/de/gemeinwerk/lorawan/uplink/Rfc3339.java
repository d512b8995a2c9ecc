package de.gemeinwerk.lorawan.uplink;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads an RFC 3339 timestamp with offset, exactly as {@link OffsetDateTime#parse} does, but the shape both network
 * servers write ({@code 2026-03-12T08:25:41.839311Z}, {@code …+00:00}) without the general formatter: that took
 * about a twentieth of a webhook request's CPU. Anything else (lower case, no seconds, a year beyond 9999, an invalid
 * date) goes to {@link OffsetDateTime#parse}, which accepts or refuses it. Pure.
 */
final class Rfc3339 {

    private Rfc3339() {
    }

    /** @throws DateTimeParseException as {@link OffsetDateTime#parse} throws it */
    static Instant parse(String text) {
        Instant fast = fast(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant, or null when the text is not of the common shape or not a valid time. */
    private static Instant fast(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int end = 19;
        int nanos = 0;
        if (text.charAt(end) == '.') {
            int digits = 0;
            for (end++; end < length && isDigit(text.charAt(end)); end++, digits++) {
                if (digits == 9) {
                    return null;
                }
                nanos = nanos * 10 + (text.charAt(end) - '0');
            }
            if (digits == 0) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, end);
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (offset == null || (year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException invalid) {
            return null; // e.g. 31 April: the general parser says what is wrong
        }
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code at}, else null. */
    private static ZoneOffset offset(String text, int at) {
        if (at == text.length() - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at != text.length() - 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number of {@code count} digits at {@code from}, or -1 when one of them is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
