package de.gemeinwerk.sensorthings.query.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The system query options of SensorThings API 1.1, with what may continue each one's value (for error messages). */
enum SystemOption {
    TOP("$top"),
    SKIP("$skip"),
    COUNT("$count"),
    ORDER_BY("$orderby", "an operator", "'asc'", "'desc'", "','"),
    SELECT("$select", "'/'", "','"),
    // Only ',' is always possible after an item: '/' and '(' are too, but only if it had no options yet.
    EXPAND("$expand", "','"),
    FILTER("$filter", "an operator"),
    RESULT_FORMAT("$resultFormat");

    private final String text;
    private final List<String> continuations;

    SystemOption(String text, String... continuations) {
        this.text = text;
        this.continuations = List.of(continuations);
    }

    String text() {
        return text;
    }

    static Optional<SystemOption> byName(String name) {
        return Arrays.stream(values()).filter(option -> option.text.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(SystemOption::text).collect(Collectors.joining(", "));
    }

    /** What may follow a value of this option: its own continuations, then the given endings, as "a, b or c". */
    String expectedAfterValue(List<String> endings) {
        List<String> all = new ArrayList<>(continuations);
        all.addAll(endings);
        return all.size() == 1 ? all.getFirst()
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.getLast();
    }
}
