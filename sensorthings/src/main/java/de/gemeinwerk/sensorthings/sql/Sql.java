package de.gemeinwerk.sensorthings.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with its '?' parameters in order. Immutable, so compiled pieces can be combined
 * freely; every value from a request travels as a parameter, never as SQL text.
 */
public record Sql(String text, List<Object> params) {

    public static final Sql EMPTY = new Sql("", List.of());
    public static final Sql TRUE = new Sql("true", List.of());

    public Sql {
        params = Collections.unmodifiableList(params);
    }

    public static Sql of(String text) {
        return new Sql(text, List.of());
    }

    /** A bound value: "?" with one parameter; {@code cast} (e.g. "::bigint[]") may follow. */
    public static Sql param(Object value) {
        return new Sql("?", List.of(value));
    }

    /** Concatenates Sql pieces and plain strings (strings are SQL text, not values). */
    public static Sql concat(Object... parts) {
        StringBuilder text = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Sql sql) {
                text.append(sql.text);
                params.addAll(sql.params);
            } else {
                text.append(part);
            }
        }
        return new Sql(text.toString(), params);
    }

    public static Sql join(String separator, List<Sql> pieces) {
        Object[] parts = new Object[Math.max(0, pieces.size() * 2 - 1)];
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                parts[2 * i - 1] = separator;
            }
            parts[2 * i] = pieces.get(i);
        }
        return concat(parts);
    }

    public Sql wrap(String before, String after) {
        return concat(before, this, after);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
