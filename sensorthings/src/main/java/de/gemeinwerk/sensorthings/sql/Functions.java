package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.query.filter.FunctionCall;

import java.util.List;
import java.util.Set;

/** The built-in functions of the SensorThings filter language, as SQL. */
final class Functions {

    static final Set<String> TEMPORAL = Set.of("before", "after", "meets", "during", "overlaps", "starts", "finishes");

    private Functions() {}

    static Operand compile(FunctionCall call, FilterCompiler compiler, Scope scope) {
        String name = call.name();
        if (name.startsWith("st_") || name.startsWith("geo.")) {
            return GeoFunctions.compile(call, compiler, scope);
        }
        if (TEMPORAL.contains(name)) {
            ErrorAt error = m -> compiler.error(call, m);
            Operand.TimeRange a = TimeComparisons.range(compiler.value(call.arguments().get(0), scope), error);
            Operand.TimeRange b = TimeComparisons.range(compiler.value(call.arguments().get(1), scope), error);
            return bool(TimeComparisons.relation(name, a, b));
        }
        Args args = new Args(call, compiler, scope);
        return switch (name) {
            case "substringof" -> bool(Sql.concat("(strpos(", args.text(1), ", ", args.text(0), ") > 0)"));
            case "contains" -> bool(Sql.concat("(strpos(", args.text(0), ", ", args.text(1), ") > 0)"));
            case "startswith" -> bool(Sql.concat("starts_with(", args.text(0), ", ", args.text(1), ")"));
            case "endswith" -> bool(Sql.concat("(right(", args.text(0), ", length(", args.text(1), ")) = ", args.text(1), ")"));
            case "length" -> number(Sql.concat("length(", args.text(0), ")"));
            case "indexof" -> number(Sql.concat("(strpos(", args.text(0), ", ", args.text(1), ") - 1)"));
            case "substring" -> text(call.arguments().size() == 2
                    ? Sql.concat("substr(", args.text(0), ", (", args.number(1), ")::int + 1)")
                    : Sql.concat("substr(", args.text(0), ", (", args.number(1), ")::int + 1, (", args.number(2), ")::int)"));
            case "tolower" -> text(Sql.concat("lower(", args.text(0), ")"));
            case "toupper" -> text(Sql.concat("upper(", args.text(0), ")"));
            case "trim" -> text(Sql.concat("btrim(", args.text(0), ")"));
            case "concat" -> text(Sql.concat("(", args.text(0), " || ", args.text(1), ")"));
            case "year", "month", "day" -> number(Sql.concat("extract(", name, " from ", args.dateLike(0), ")::bigint"));
            case "hour", "minute" -> number(Sql.concat("extract(", name, " from ", args.timeLike(0), ")::bigint"));
            case "second" -> number(Sql.concat("floor(extract(second from ", args.timeLike(0), "))::bigint"));
            case "fractionalseconds" -> number(Sql.concat("(extract(second from ", args.timeLike(0),
                    ") - floor(extract(second from ", args.timeLike(0), ")))::float8"));
            case "date" -> new Operand.Scalar(Sql.concat("(", args.instantUtc(0), ")::date"), ValueType.DATE);
            case "time" -> new Operand.Scalar(Sql.concat("(", args.instantUtc(0), ")::time"), ValueType.TIME);
            // Times are stored normalised to UTC, so the offset of every stored instant is 0.
            case "totaloffsetminutes" -> {
                args.instantUtc(0);
                yield number(Sql.of("0::bigint"));
            }
            case "now" -> new Operand.Scalar(Sql.of("now()"), ValueType.DATETIME);
            case "mindatetime" -> new Operand.Scalar(Sql.of("'0001-01-01T00:00:00Z'::timestamptz"), ValueType.DATETIME);
            case "maxdatetime" -> new Operand.Scalar(Sql.of("'9999-12-31T23:59:59.999999Z'::timestamptz"), ValueType.DATETIME);
            case "round" -> number(Sql.concat("round((", args.number(0), ")::numeric)"));
            case "floor" -> number(Sql.concat("floor(", args.number(0), ")"));
            case "ceiling" -> number(Sql.concat("ceil(", args.number(0), ")"));
            default -> throw compiler.error(call, "unknown function '" + name + "'");
        };
    }

    static Operand bool(Sql sql) {
        return new Operand.Scalar(sql, ValueType.BOOLEAN);
    }

    private static Operand number(Sql sql) {
        return new Operand.Scalar(sql, ValueType.NUMBER);
    }

    private static Operand text(Sql sql) {
        return new Operand.Scalar(sql, ValueType.STRING);
    }

    /** The arguments of one call, compiled on demand and converted to the type the function needs. */
    private record Args(FunctionCall call, FilterCompiler compiler, Scope scope) {

        Sql text(int i) { return typed(i, ValueType.STRING); }

        Sql number(int i) { return typed(i, ValueType.NUMBER); }

        /** A date-time (in UTC) or a date, for year(), month(), day(). */
        Sql dateLike(int i) {
            Operand operand = operand(i);
            if (operand instanceof Operand.Scalar s && s.type() == ValueType.DATE) {
                return s.sql();
            }
            return utc(operand, i);
        }

        /** A date-time (in UTC) or a time of day, for hour(), minute(), second(). */
        Sql timeLike(int i) {
            Operand operand = operand(i);
            if (operand instanceof Operand.Scalar s && s.type() == ValueType.TIME) {
                return s.sql();
            }
            return utc(operand, i);
        }

        Sql instantUtc(int i) {
            return utc(operand(i), i);
        }

        private Sql utc(Operand operand, int i) {
            Sql instant = switch (operand) {
                case Operand.Scalar s when s.type() == ValueType.DATETIME -> s.sql();
                case Operand.TimeRange r -> r.start();
                case Operand.Polymorphic p -> Comparisons.as(p, ValueType.DATETIME, error(i));
                default -> throw error(i).at(call.name() + "() needs a date-time here");
            };
            return Sql.concat("(", instant, " at time zone 'UTC')");
        }

        private Sql typed(int i, ValueType type) {
            return switch (operand(i)) {
                case Operand.Scalar s when s.type() == type -> s.sql();
                case Operand.Polymorphic p -> Comparisons.as(p, type, error(i));
                case Operand.Null n -> Sql.of("null");
                default -> throw error(i).at(call.name() + "() needs a " + type.label() + " as argument " + (i + 1));
            };
        }

        private Operand operand(int i) {
            List<de.gemeinwerk.sensorthings.query.filter.Expr> arguments = call.arguments();
            if (i >= arguments.size()) {
                throw compiler.error(call, call.name() + "() needs at least " + (i + 1) + " arguments");
            }
            return compiler.value(arguments.get(i), scope);
        }

        private ErrorAt error(int i) {
            return m -> compiler.error(call.arguments().get(i), m);
        }
    }
}
