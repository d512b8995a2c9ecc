package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryOptionsWriterTest {

    /** Writes the options as a query and parses it as the server does (split, URL-decode with '+' as space, parse). */
    private static QueryOptions writtenAndParsed(QueryOptions options) {
        String query = QueryOptionsWriter.query(options);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] nameAndValue = parameter.split("=", 2);
            parameters.put(decoded(nameAndValue[0]), decoded(nameAndValue[1]));
        }
        return QueryOptionsParser.parse(parameters);
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void assertRoundTrip(Map<String, String> parameters) {
        QueryOptions parsed = QueryOptionsParser.parse(parameters);
        assertThat(PositionFree.of(writtenAndParsed(parsed)))
                .as("%s written as %s", parameters, QueryOptionsWriter.query(parsed))
                .isEqualTo(PositionFree.of(parsed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.gemeinwerk.sensorthings.query.options.ParserTestExamples#filters")
    void everyFilterOfTheParserTestsRoundTrips(String filter) {
        assertRoundTrip(Map.of("$filter", filter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("de.gemeinwerk.sensorthings.query.options.ParserTestExamples#orderBys")
    void everyOrderByOfTheParserTestsRoundTrips(String orderBy) {
        assertRoundTrip(Map.of("$orderby", orderBy));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            $filter       | name eq 'it''s' or name eq '' or name eq '''' or name eq 'a&b+c =%;,)(#?'
            $filter       | name eq 'Grüße 🌍' and description ne 'tab	and newline'
            $filter       | phenomenonTime ge 2012-06-01T10:30-05:00 and resultTime lt 2012-06-01T00:00:00.123456789+02:00
            $filter       | day(resultTime) eq day(2012-06-01) and time(resultTime) gt 10:00 and second(t) lt 23:59:59.5
            $filter       | during(phenomenonTime, 2012-01-01T00:00:00Z/2012-01-02T00:00:00+01:00)
            $filter       | resultTime sub phenomenonTime gt duration'P1DT2H' or x eq duration'-PT0.5S'
            $filter       | st_within(location, geography'SRID=4326;POLYGON((0 0, 1 0, 1 1, 0 0))') or st_equals(a, geometry'POINT(1 2)')
            $filter       | result eq 2e3 or result eq 5e0 or result eq -1.25E-2 or result eq 0.0000000000 or result eq 1.0e+10
            $filter       | x eq 9223372036854775807 or x eq -9223372036854775808 or x sub -1 eq - 1 or - -a eq - -1
            $filter       | not not a and not (b or c) and -(a add b) mul -a eq 1
            $filter       | a sub (b sub c) eq (a sub b) sub c and a div (b mul c) ne a div b mul c
            $filter       | (a eq b) eq (c eq d) and (a in (1, 2)) in (true) and a eq (b in (1))
            $filter       | Datastreams/any(d: d/Observations/all(o: o/result gt 3 or o/result eq null)) and Locations/any()
            $orderby      | geo.distance(location, geography'POINT(8 51)') desc, result add 1, name desc, id
            $select       | id,name,properties/owner/email,@iot.id
            $expand       | Datastreams/Observations,Locations
            $expand       | Datastreams($select=name;$expand=Observations($top=1;$orderby=phenomenonTime desc;$filter=result gt 3)),Things($count=true;$skip=2)
            $expand       | Datastreams($filter=name eq 'a;b,c)(''d' or substringof(')', name);$top=2;$count=false),Locations($top=0)
            $top          | 0
            $skip         | 2147483647
            $count        | false
            $resultFormat | dataArray
            """)
    void everyOptionAndLiteralRoundTrips(String option, String value) {
        assertRoundTrip(Map.of(option, value));
    }

    @Test
    void allOptionsTogetherRoundTrip() {
        assertRoundTrip(Map.of("$top", "3", "$skip", "6", "$count", "true", "$orderby", "result desc",
                "$select", "result", "$expand", "FeatureOfInterest($select=name)", "$filter", "result gt 3",
                "$resultFormat", "dataArray"));
    }

    @Test
    void randomTreesOfEveryOperatorRoundTrip() {
        RandomExpressions expressions = new RandomExpressions(20240601);
        for (int i = 0; i < 5_000; i++) {
            Expr expr = expressions.next(5);
            String written = ExpressionWriter.write(expr);
            assertThat(PositionFree.of(FilterParser.parse(written))).as(written).isEqualTo(expr);
        }
    }

    /** Compared as text: the trees' own equals would recurse along the chain. */
    @Test
    void aVeryLongFlatChainIsWrittenWithoutRecursingAlongIt() {
        String chain = String.join(" or ", Collections.nCopies(10_000, "a eq 1"));
        assertThat(ExpressionWriter.write(FilterParser.parse(chain))).isEqualTo(chain);
    }

    @Test
    void optionsComeInSystemOptionOrderPercentEncodedWithReadablePunctuation() {
        QueryOptions options = QueryOptionsParser.parse(Map.of(
                "$expand", "Observations($filter=result gt 3 and name eq 'a&b+c';$top=2)",
                "$filter", "phenomenonTime ge 2012-06-01T10:30+02:00",
                "$orderby", "phenomenonTime desc,id", "$select", "id,properties/owner", "$count", "true", "$top", "1"));
        assertThat(QueryOptionsWriter.query(options)).isEqualTo("$top=1&$count=true&$orderby=phenomenonTime%20desc,id"
                + "&$select=id,properties/owner&$expand=Observations($top%3D2;$filter%3Dresult%20gt%203%20and%20name%20eq"
                + "%20'a%26b%2Bc')&$filter=phenomenonTime%20ge%202012-06-01T10:30:00%2B02:00");
        assertThat(QueryOptionsWriter.query(QueryOptions.NONE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ((a or b)) and c                                      | (a or b) and c
            a and (b or c)                                        | a and (b or c)
            (a and b) or c                                        | a and b or c
            (a sub b) sub c                                       | a sub b sub c
            a sub (b sub c)                                       | a sub (b sub c)
            not (a eq b)                                          | not (a eq b)
            (not a) eq b                                          | not a eq b
            - 1 sub -1                                            | - 1 sub -1
            -(a add b)                                            | - (a add b)
            (a in (1)) eq true                                    | a in (1) eq true
            length( name ) gt 3                                   | length(name) gt 3
            Datastreams/any(d:d/name eq 'x')                      | Datastreams/any(d: d/name eq 'x')
            x eq duration'P1DT2H'                                 | x eq duration'PT26H'
            x eq 2e3                                              | x eq 2E+3
            t ge 2012-06-01T10:30Z                                | t ge 2012-06-01T10:30:00Z
            st_within(location, geometry'SRID=4326; POINT(1 2)')  | st_within(location, geography'POINT(1 2)')
            """)
    void expressionsGetParenthesesOnlyWherePrecedenceNeedsThem(String filter, String written) {
        assertThat(ExpressionWriter.write(FilterParser.parse(filter))).isEqualTo(written);
    }
}
