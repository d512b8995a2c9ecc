package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The functions {@code $aggregate} computes over the numeric results of a bucket; each is a member of the answer. */
enum AggregateFunction {
    AVG, MIN, MAX, SUM, COUNT;

    static final String PARAMETER = "functions";

    /** The member name in the answer and the word in {@code functions=}. */
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String sql(String column) {
        return this == COUNT ? "count(*)" : jsonName() + "(" + column + ")";
    }

    /**
     * The function over partial aggregates with columns count, sum, min and max (of alias {@code p}): the average is
     * the sum of sums over the sum of counts, as avg() itself divides its running sum by its count.
     */
    String ofPartials() {
        return switch (this) {
            case AVG -> "sum(p.sum) / sum(p.count)::float8";
            case MIN -> "min(p.min)";
            case MAX -> "max(p.max)";
            case SUM -> "sum(p.sum)";
            case COUNT -> "sum(p.count)";
        };
    }

    /** {@code functions=avg,max}; all of them when the parameter is absent. Answered in the order above. */
    static Set<AggregateFunction> parse(String text) {
        if (text == null) {
            return EnumSet.allOf(AggregateFunction.class);
        }
        Set<AggregateFunction> functions = EnumSet.noneOf(AggregateFunction.class);
        for (String name : text.split(",", -1)) {
            functions.add(Arrays.stream(values()).filter(f -> f.jsonName().equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("unknown aggregate function '" + name.trim()
                            + "'; supported are avg, min, max, sum, count", PARAMETER)));
        }
        return functions;
    }
}
