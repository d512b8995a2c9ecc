package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Property;

import java.util.List;

/** A property of the entity at an alias as a filter operand. */
final class Properties {

    private Properties() {}

    static Operand operand(EntityType owner, Property property, String alias, List<String> members) {
        String column = alias + "." + property.column();
        return switch (property.kind()) {
            case ID -> new Operand.Scalar(Sql.of(alias + ".id"), ValueType.NUMBER);
            case TEXT -> new Operand.Scalar(Sql.of(column), ValueType.STRING);
            case JSON -> JsonValue.of(column, members);
            case GEOMETRY -> new Operand.GeometryProperty(alias, owner, property);
            case TIME_INSTANT -> new Operand.Scalar(Sql.of(column), ValueType.DATETIME);
            case TIME_INSTANT_OR_INTERVAL -> new Operand.TimeRange(Sql.of(alias + "." + property.startColumn()),
                    Sql.of("coalesce(" + alias + "." + property.endColumn() + ", " + alias + "." + property.startColumn() + ")"),
                    true);
            case TIME_INTERVAL -> new Operand.TimeRange(Sql.of(alias + "." + property.startColumn()),
                    Sql.of(alias + "." + property.endColumn()), true);
            case TIME_ENVELOPE -> new Operand.TimeRange(Sql.of(TimeEnvelope.start(property, alias)),
                    Sql.of(TimeEnvelope.end(property, alias)), true);
            case RESULT -> members.isEmpty() ? new ResultValue(alias) : JsonValue.of(alias + ".result_json", members);
        };
    }
}
