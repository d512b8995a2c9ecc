package de.gemeinwerk.sensorthings.query.filter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The functions of the SensorThings API 1.1 $filter grammar (its OData 4 subset plus the spatial st_*
 * functions), OData's {@code contains}, and the interval functions (before, after, meets, during, overlaps,
 * starts, finishes) that FROST-Server offers. The parser only knows how many arguments each one takes.
 */
public final class FilterFunctions {

    /** The permitted number of arguments of a function. */
    public record Arity(int min, int max) {

        public boolean accepts(int count) {
            return count >= min && count <= max;
        }

        /** "takes no arguments", "takes 1 argument", "takes 2 or 3 arguments". */
        public String describe() {
            if (max == 0) {
                return "takes no arguments";
            }
            if (min == max) {
                return "takes " + min + (min == 1 ? " argument" : " arguments");
            }
            return "takes " + min + " or " + max + " arguments";
        }
    }

    private static final Arity NONE = new Arity(0, 0);
    private static final Arity ONE = new Arity(1, 1);
    private static final Arity TWO = new Arity(2, 2);
    private static final Arity THREE = new Arity(3, 3);

    private static final Map<String, Arity> ARITIES = Map.ofEntries(
            // strings
            Map.entry("substringof", TWO), Map.entry("contains", TWO), Map.entry("endswith", TWO),
            Map.entry("startswith", TWO), Map.entry("length", ONE), Map.entry("indexof", TWO),
            Map.entry("substring", new Arity(2, 3)), Map.entry("tolower", ONE), Map.entry("toupper", ONE),
            Map.entry("trim", ONE), Map.entry("concat", TWO),
            // date and time
            Map.entry("year", ONE), Map.entry("month", ONE), Map.entry("day", ONE), Map.entry("hour", ONE),
            Map.entry("minute", ONE), Map.entry("second", ONE), Map.entry("fractionalseconds", ONE),
            Map.entry("date", ONE), Map.entry("time", ONE), Map.entry("totaloffsetminutes", ONE),
            Map.entry("now", NONE), Map.entry("mindatetime", NONE), Map.entry("maxdatetime", NONE),
            // math
            Map.entry("round", ONE), Map.entry("floor", ONE), Map.entry("ceiling", ONE),
            // geospatial
            Map.entry("geo.distance", TWO), Map.entry("geo.length", ONE), Map.entry("geo.intersects", TWO),
            Map.entry("st_equals", TWO), Map.entry("st_disjoint", TWO), Map.entry("st_touches", TWO),
            Map.entry("st_within", TWO), Map.entry("st_overlaps", TWO), Map.entry("st_crosses", TWO),
            Map.entry("st_intersects", TWO), Map.entry("st_contains", TWO), Map.entry("st_relate", THREE),
            // time intervals
            Map.entry("before", TWO), Map.entry("after", TWO), Map.entry("meets", TWO), Map.entry("during", TWO),
            Map.entry("overlaps", TWO), Map.entry("starts", TWO), Map.entry("finishes", TWO));

    private FilterFunctions() {}

    /** The arity of a function, looked up case-sensitively as the grammar spells the names in lower case. */
    public static Optional<Arity> arity(String name) {
        return Optional.ofNullable(ARITIES.get(name));
    }

    /** All function names, e.g. for a compiler to check that it implements each one. */
    public static Set<String> names() {
        return ARITIES.keySet();
    }
}
