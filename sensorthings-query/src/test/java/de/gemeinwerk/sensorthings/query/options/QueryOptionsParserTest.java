package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.ExprPrinter;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.options.QueryOptions.ExpandItem;
import de.gemeinwerk.sensorthings.query.options.QueryOptions.SelectItem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class QueryOptionsParserTest {

    private static QueryOptions expand(String expand) {
        return QueryOptionsParser.parse(Map.of("$expand", expand));
    }

    private static QuerySyntaxException failure(Map<String, String> params) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> QueryOptionsParser.parse(params));
        assertThat(e).as("error for %s", params).isNotNull();
        return e;
    }

    @Test
    void noOptionsGiveNone() {
        assertThat(QueryOptionsParser.parse(Map.of())).isEqualTo(QueryOptions.NONE);
        assertThat(QueryOptionsParser.parse(Map.of("top", "x", "foo", "bar"))).isEqualTo(QueryOptions.NONE);
    }

    @Test
    void scalarOptions() {
        QueryOptions options = QueryOptionsParser.parse(Map.of(
                "$top", "5", "$skip", " 10 ", "$count", "true", "$resultFormat", "dataArray", "other", "ignored"));
        assertThat(options.top()).isEqualTo(5);
        assertThat(options.skip()).isEqualTo(10);
        assertThat(options.count()).isTrue();
        assertThat(options.resultFormat()).isEqualTo("dataArray");
        assertThat(QueryOptionsParser.parse(Map.of("$count", "false", "$top", "0")))
                .isEqualTo(new QueryOptions(0, null, false, List.of(), List.of(), List.of(), null, null));
        assertThat(QueryOptionsParser.parse(Map.of("$top", "2147483647")).top()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void filterOrderByAndSelect() {
        QueryOptions options = QueryOptionsParser.parse(Map.of(
                "$filter", "result gt 3 and name eq 'a'",
                "$orderby", "phenomenonTime desc,id",
                "$select", "id,name, properties/owner"));
        assertThat(ExprPrinter.print(options.filter())).isEqualTo("(and (gt result 3) (eq name 'a'))");
        assertThat(options.orderBy()).hasSize(2);
        assertThat(options.orderBy().getFirst().descending()).isTrue();
        assertThat(options.select()).containsExactly(
                new SelectItem(List.of("id"), 0), new SelectItem(List.of("name"), 3),
                new SelectItem(List.of("properties", "owner"), 9));
        assertThat(QueryOptionsParser.parse(Map.of("$select", "@iot.id")).select())
                .containsExactly(new SelectItem(List.of("@iot.id"), 0));
    }

    @Nested
    class Expand {

        @Test
        void pathsWithoutOptions() {
            assertThat(expand("Datastreams/Observations, Locations").expand()).containsExactly(
                    new ExpandItem(List.of("Datastreams", "Observations"), QueryOptions.NONE, 0),
                    new ExpandItem(List.of("Locations"), QueryOptions.NONE, 26));
        }

        @Test
        void nestedOptionsToAnyDepthWithPositionsInTheExpandText() {
            String text = "Datastreams($select=name;$expand=Observations($top=1;$orderby=phenomenonTime desc;"
                    + "$filter=result gt 3)),Things($count=true;$skip=2)";
            List<ExpandItem> items = expand(text).expand();
            assertThat(items).extracting(ExpandItem::path)
                    .containsExactly(List.of("Datastreams"), List.of("Things"));

            QueryOptions datastreams = items.getFirst().options();
            assertThat(datastreams.select()).containsExactly(new SelectItem(List.of("name"), text.indexOf("name")));
            ExpandItem observations = datastreams.expand().getFirst();
            assertThat(observations.path()).containsExactly("Observations");
            assertThat(observations.position()).isEqualTo(text.indexOf("Observations"));
            assertThat(observations.options().top()).isEqualTo(1);
            assertThat(observations.options().orderBy().getFirst().descending()).isTrue();
            assertThat(observations.options().orderBy().getFirst().expression().position())
                    .isEqualTo(text.indexOf("phenomenonTime"));
            BinaryExpr filter = (BinaryExpr) observations.options().filter();
            assertThat(ExprPrinter.print(filter)).isEqualTo("(gt result 3)");
            assertThat(filter.position()).isEqualTo(text.indexOf("result"));

            QueryOptions things = items.get(1).options();
            assertThat(things).isEqualTo(new QueryOptions(null, 2, true, List.of(), List.of(), List.of(), null, null));
            assertThat(items.get(1).position()).isEqualTo(text.indexOf("Things"));
        }

        @Test
        void separatorsInsideQuotedStringsDoNotSplit() {
            List<ExpandItem> items = expand(
                    "Datastreams($filter=name eq 'a;b,c)(''d' or substringof(')', name);$top=2),Locations").expand();
            assertThat(items).hasSize(2);
            QueryOptions datastreams = items.getFirst().options();
            assertThat(ExprPrinter.print(datastreams.filter()))
                    .isEqualTo("(or (eq name 'a;b,c)('d') substringof(')' name))");
            assertThat(datastreams.top()).isEqualTo(2);
            assertThat(items.get(1).path()).containsExactly("Locations");
        }

        @Test
        void nestedFilterMayUseEverySyntax() {
            QueryOptions options = expand("Datastreams($filter=Observations/any(o: o/result in (1, 2)) and "
                    + "st_within(Thing/Locations/location, geography'POLYGON((0 0, 1 0, 1 1, 0 0))');"
                    + "$orderby=geo.distance(ObservedArea, geography'POINT(1 2)') asc, id desc)");
            QueryOptions datastreams = options.expand().getFirst().options();
            assertThat(ExprPrinter.print(datastreams.filter())).isEqualTo("(and (any Observations o: (in o/result [1 2])) "
                    + "st_within(Thing/Locations/location geometry:POLYGON((0 0, 1 0, 1 1, 0 0))))");
            assertThat(datastreams.orderBy()).hasSize(2);
        }

        @Test
        void nestingUpToTheLimitIsFineAndBeyondItASyntaxError() {
            int max = FilterParser.MAX_DEPTH;
            QueryOptions options = expand("A($expand=".repeat(max) + "B" + ")".repeat(max));
            for (int level = 0; level < max; level++) {
                options = options.expand().getFirst().options();
            }
            assertThat(options.expand()).containsExactly(new ExpandItem(List.of("B"), QueryOptions.NONE, 10 * max));

            String tooDeep = "A($expand=".repeat(max + 1) + "B" + ")".repeat(max + 1);
            QuerySyntaxException e = failure(Map.of("$expand", tooDeep));
            assertThat(e.position()).isEqualTo(10 * max + 1);
            assertThat(e.getMessage()).isEqualTo("$expand is nested too deeply (more than 100 levels)");

            String absurd = "A($expand=".repeat(100_000);
            assertThat(failure(Map.of("$expand", absurd)).getMessage()).contains("nested too deeply");
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownTopLevelOptionsConcernTheWholeParameter() {
            QuerySyntaxException e = failure(Map.of("$fitler", "name eq 'x'"));
            assertThat(e.part()).isEqualTo("$fitler");
            assertThat(e.position()).isEqualTo(-1);
        }

        @Test
        void missingValuesAreBadValues() {
            Map<String, String> params = new HashMap<>();
            params.put("$top", null);
            QuerySyntaxException e = failure(params);
            assertThat(e.part()).isEqualTo("$top");
            assertThat(e.position()).isZero();
            assertThat(e.getMessage()).isEqualTo("expected a non-negative integer but found end of input");
        }

        @ParameterizedTest(name = "{0}={1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                $top     | -1          | 0  | $top must be an integer from 0 to 2147483647, got -1
                $top     | 3000000000  | 0  | $top must be an integer from 0 to 2147483647, got 3000000000
                $skip    | abc         | 0  | expected a non-negative integer but found 'abc'
                $skip    | 1.5         | 0  | expected a non-negative integer but found '1.5'
                $top     | 5 6         | 2  | expected the end of $top but found '6'
                $top     | ""          | 0  | expected a non-negative integer but found end of input
                $count   | yes         | 0  | expected true or false but found 'yes'
                $count   | TRUE        | 0  | expected true or false but found 'TRUE'
                $select  | id,,name    | 3  | expected a property name but found ','
                $select  | id name     | 3  | expected '/', ',' or the end of $select but found 'name'
                $select  | $ref        | 0  | expected a property name but found '$ref'
                $select  | name/       | 5  | expected a property name but found end of input
                $filter  | name eq     | 7  | unexpected end of expression
                $filter  | a eq 1 nd   | 7  | expected an operator or the end of $filter but found 'nd'
                $orderby | a desc b    | 7  | expected an operator, 'asc', 'desc', ',' or the end of $orderby but found 'b'
                $expand  | Things/     | 7  | expected a navigation property but found end of input
                $expand  | Things x    | 7  | expected ',' or the end of $expand but found 'x'
                $expand  | Things(     | 7  | expected a query option such as $select or $filter but found end of input
                $expand  | Things()    | 7  | expected a query option such as $select or $filter but found ')'
                $expand  | Things($top=1)/Datastreams | 14 | expected ',' or the end of $expand but found '/'
                $expand  | Things($top=1;) | 14 | expected a query option such as $select or $filter but found ')'
                $expand  | Things($top=1;$top=2) | 14 | duplicate query option '$top'
                $expand  | Things($foo=1) | 7 | unknown query option '$foo' in $expand; supported are $top, $skip, $count, $orderby, $select, $expand, $filter, $resultFormat
                $expand  | Things(top=1) | 7  | unknown query option 'top' in $expand; supported are $top, $skip, $count, $orderby, $select, $expand, $filter, $resultFormat
                $expand  | Things($top 1) | 12 | expected '=' after $top but found '1'
                $expand  | Things($top=1  | 13 | expected ';' or ')' but found end of input
                $expand  | Things($top=x) | 12 | expected a non-negative integer but found 'x'
                $expand  | Things($filter=name eq 'x' nd) | 27 | expected an operator, ';' or ')' but found 'nd'
                $expand  | Things($filter=name eq) | 22 | expected an expression but found ')'
                $expand  | Things($filter=name eq 'x) | 23 | unterminated string starting at position 23
                $expand  | Things($orderby=id desc x) | 24 | expected an operator, 'asc', 'desc', ',', ';' or ')' but found 'x'
                $expand  | Things($select=id x) | 18 | expected '/', ',', ';' or ')' but found 'x'
                $expand  | Things($expand=Locations x) | 25 | expected ',', ';' or ')' but found 'x'
                $expand  | Things($resultFormat=dataArray) | 21 | $resultFormat is only allowed as a top-level option, not inside $expand
                $expand  | Things($expand=Datastreams($filter=x eq 1 and)) | 45 | expected an expression but found ')'
                """)
        void nameTheOptionAndPosition(String option, String value, int position, String message) {
            QuerySyntaxException e = failure(Map.of(option, value));
            assertThat(e.part()).isEqualTo(option);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).isEqualTo(message);
        }

        @Test
        void nestedLiteralsKeepTheirExpandPositions() {
            String text = "Things($filter=x eq 'a')";
            assertThat(expand(text).expand().getFirst().options().filter())
                    .isEqualTo(new BinaryExpr(BinaryExpr.Operator.EQ,
                            new de.gemeinwerk.sensorthings.query.filter.PropertyPath(List.of("x"), 15),
                            Literal.of("a", 20), 15));
        }
    }
}
