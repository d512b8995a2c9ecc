package de.gemeinwerk.sensorthings.sql;

/**
 * An Observation's result as a filter operand. Results are stored in typed columns (see the
 * sta_observation table), so "result gt 20" is a plain comparison on result_number.
 */
record ResultValue(String alias) implements Operand.Polymorphic {

    @Override
    public Sql as(ValueType type) {
        return switch (type) {
            case NUMBER -> Sql.of(alias + ".result_number");
            case STRING -> Sql.of(alias + ".result_string");
            case BOOLEAN -> Sql.of(alias + ".result_boolean");
            case DATETIME -> TextTimes.timestamptz(Sql.of(alias + ".result_string"));
            case JSON -> asJson();
            default -> null;
        };
    }

    @Override
    public Sql asJson() {
        return Sql.of(jsonExpression(alias));
    }

    /** The result as one jsonb value, whatever column holds it. */
    static String jsonExpression(String alias) {
        return "(case " + alias + ".result_type when 1 then to_jsonb(" + alias + ".result_number) when 2 then to_jsonb("
                + alias + ".result_number::bigint) when 3 then to_jsonb(" + alias + ".result_string) when 4 then to_jsonb("
                + alias + ".result_boolean) when 5 then " + alias + ".result_json else 'null'::jsonb end)";
    }

    @Override
    public Sql isNull() {
        return Sql.of("(" + alias + ".result_type = 0)");
    }
}
