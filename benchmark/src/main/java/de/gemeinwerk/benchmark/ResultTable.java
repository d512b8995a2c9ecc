package de.gemeinwerk.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Collects result rows and prints them as a Markdown table (ready for docs/BENCHMARKS.md). */
final class ResultTable {

    record Row(String scenario, String result, String target, boolean met) {}

    private final List<Row> rows = new ArrayList<>();

    void add(String scenario, String result, String target, boolean met) {
        rows.add(new Row(scenario, result, target, met));
        System.out.printf("  %-70s %s%n", scenario, result);
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| scenario | result | target | met |\n|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.scenario()).append(" | ").append(row.result()).append(" | ")
                    .append(row.target()).append(" | ").append(row.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }
}
