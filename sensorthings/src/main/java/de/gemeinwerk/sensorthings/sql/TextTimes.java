package de.gemeinwerk.sensorthings.sql;

/**
 * Text compared as a date-time (a JSON member or a text result, e.g. {@code properties/installedAt lt
 * 2020-01-01T00:00:00Z}): text in the ISO 8601 form of the filter grammar becomes a timestamptz, any other
 * text null, so that it simply does not match. Without the check, a cast of "n/a" would fail the query,
 * and "now" or "today" would be read as times.
 */
final class TextTimes {

    private static final String ISO_8601 =
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$";

    private TextTimes() {}

    static Sql timestamptz(Sql text) {
        return Sql.concat("(case when ", text, " ~ ", Sql.param(ISO_8601), "::text then (", text, ")::timestamptz end)");
    }
}
