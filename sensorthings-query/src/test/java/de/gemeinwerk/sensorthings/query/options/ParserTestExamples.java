package de.gemeinwerk.sensorthings.query.options;

import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

/**
 * The valid inputs of the parser tests, read from the first column of their {@code @CsvSource} tables, so that
 * every example they check is also written back and re-parsed, without a second copy to keep in step.
 */
final class ParserTestExamples {

    private static final String FILTER_TESTS = "de.gemeinwerk.sensorthings.query.filter.FilterParserTest$";

    private ParserTestExamples() {}

    static List<String> filters() {
        return Arrays.asList(
                        table(FILTER_TESTS + "Precedence", "followsTheODataOperatorTable"),
                        table(FILTER_TESTS + "Paths", "areSplitAtSlashes"),
                        table(FILTER_TESTS + "Functions", "composeWithOperators"),
                        table(FILTER_TESTS + "LambdasAndIn", "parse"))
                .stream().flatMap(List::stream).toList();
    }

    static List<String> orderBys() {
        return table("de.gemeinwerk.sensorthings.query.filter.OrderByParserTest", "parsesKeysWithOptionalDirection");
    }

    /** The first column of a two-column table ({@code input | expected tree}) of a parameterized test. */
    private static List<String> table(String testClass, String method) {
        try {
            CsvSource source = Class.forName(testClass).getDeclaredMethod(method, String.class, String.class)
                    .getAnnotation(CsvSource.class);
            return source.textBlock().lines().map(line -> line.split("\\|")[0].strip()).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the parser test table " + testClass + "." + method + " moved", e);
        }
    }
}
