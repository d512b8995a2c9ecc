package de.gemeinwerk.sensorthings.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON property or one of its members ({@code properties/owner/name}) as a filter operand. A member of
 * another JSON type than the one asked for becomes NULL, so "properties/height gt 3" skips entities
 * whose height is a text instead of failing the whole query.
 */
record JsonValue(Sql json) implements Operand.Polymorphic {

    static JsonValue of(String column, List<String> members) {
        if (members.isEmpty()) {
            return new JsonValue(Sql.of(column));
        }
        List<Object> parts = new ArrayList<>(List.of("jsonb_extract_path(", column));
        for (String member : members) {
            parts.add(", ");
            parts.add(Sql.param(member));
        }
        parts.add(")");
        return new JsonValue(Sql.concat(parts.toArray()));
    }

    @Override
    public Sql as(ValueType type) {
        return switch (type) {
            case NUMBER -> typed("number", "(", ")::float8");
            case STRING -> typed("string", "", "");
            case BOOLEAN -> typed("boolean", "(", ")::boolean");
            case DATETIME -> TextTimes.timestamptz(typed("string", "", ""));
            case JSON -> json;
            default -> null;
        };
    }

    private Sql typed(String jsonType, String before, String after) {
        return Sql.concat("(case when jsonb_typeof(", json, ") = '", jsonType, "' then ", before, "(", json,
                " #>> '{}')", after, " end)");
    }

    @Override
    public Sql asJson() {
        return json;
    }

    @Override
    public Sql isNull() {
        return Sql.concat("(", json, " is null or jsonb_typeof(", json, ") = 'null')");
    }
}
