package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilterParserTest {

    private static String parsed(String filter) {
        return ExprPrinter.print(FilterParser.parse(filter));
    }

    private static QuerySyntaxException failure(String filter) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> FilterParser.parse(filter));
        assertThat(e).as("parse error for %s", filter).isNotNull();
        assertThat(e.part()).isEqualTo("$filter");
        return e;
    }

    @Nested
    class Precedence {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                a or b and c                  | (or a (and b c))
                a and b or c and d            | (or (and a b) (and c d))
                a eq 1 and b eq 2 or c eq 3   | (or (and (eq a 1) (eq b 2)) (eq c 3))
                a or b or c                   | (or (or a b) c)
                a add b mul c                 | (add a (mul b c))
                a mul b add c                 | (add (mul a b) c)
                a sub b sub c                 | (sub (sub a b) c)
                a div b mod c mul d           | (mul (mod (div a b) c) d)
                (a or b) and c                | (and (or a b) c)
                ((a))                         | a
                a add b gt c sub d            | (gt (add a b) (sub c d))
                a eq b lt c                   | (eq a (lt b c))
                a lt b eq c ge d              | (eq (lt a b) (ge c d))
                a eq b eq c                   | (eq (eq a b) c)
                a ne b                        | (ne a b)
                a le b                        | (le a b)
                not a and b                   | (and (not a) b)
                not a eq b                    | (eq (not a) b)
                not (a and b)                 | (not (and a b))
                not(a)                        | (not a)
                not not a                     | (not (not a))
                -a mul b                      | (mul (- a) b)
                - -a                          | (- (- a))
                -(a add b)                    | (- (add a b))
                a sub -1                      | (sub a -1)
                - 1                           | (- 1)
                a add b in (1, 2) and c       | (and (in (add a b) [1 2]) c)
                a in (1) eq true              | (eq (in a [1]) true)
                a gt 1 in (true)              | (in (gt a 1) [true])
                """)
        void followsTheODataOperatorTable(String filter, String tree) {
            assertThat(parsed(filter)).isEqualTo(tree);
        }

        @Test
        void aVeryLongFlatChainIsNoNestingProblem() {
            String filter = String.join(" or ", java.util.Collections.nCopies(10_000, "a eq 1"));
            assertThat(FilterParser.parse(filter)).isInstanceOf(BinaryExpr.class);
        }
    }

    @Nested
    class Literals {

        private static Literal literal(String text) {
            Expr expr = FilterParser.parse(text);
            assertThat(expr).isInstanceOf(Literal.class);
            return (Literal) expr;
        }

        private static void assertLiteral(String text, Literal.Type type, Object value) {
            Literal literal = literal(text);
            assertThat(literal.type()).as(text).isEqualTo(type);
            assertThat(literal.value()).as(text).isEqualTo(value);
            assertThat(literal.position()).isZero();
        }

        @Test
        void keywords() {
            assertLiteral("null", Literal.Type.NULL, null);
            assertLiteral("true", Literal.Type.BOOLEAN, true);
            assertLiteral("false", Literal.Type.BOOLEAN, false);
        }

        @Test
        void integersAreLongsIncludingTheExtremes() {
            assertLiteral("42", Literal.Type.INTEGER, 42L);
            assertLiteral("-7", Literal.Type.INTEGER, -7L);
            assertLiteral("0", Literal.Type.INTEGER, 0L);
            assertLiteral("9223372036854775807", Literal.Type.INTEGER, Long.MAX_VALUE);
            assertLiteral("-9223372036854775808", Literal.Type.INTEGER, Long.MIN_VALUE);
        }

        @Test
        void decimalsAreBigDecimalsWithOrWithoutExponent() {
            assertLiteral("1.5", Literal.Type.DECIMAL, new BigDecimal("1.5"));
            assertLiteral("-0.25", Literal.Type.DECIMAL, new BigDecimal("-0.25"));
            assertLiteral("2e3", Literal.Type.DECIMAL, new BigDecimal("2e3"));
            assertLiteral("-1.25E-2", Literal.Type.DECIMAL, new BigDecimal("-1.25E-2"));
            assertLiteral("1.0e+10", Literal.Type.DECIMAL, new BigDecimal("1.0e+10"));
        }

        @Test
        void stringsUnescapeDoubledQuotesAndKeepSeparators() {
            assertLiteral("'it''s'", Literal.Type.STRING, "it's");
            assertLiteral("''", Literal.Type.STRING, "");
            assertLiteral("''''", Literal.Type.STRING, "'");
            assertLiteral("'a,b;(c) eq d'", Literal.Type.STRING, "a,b;(c) eq d");
            assertLiteral("'Grüße 🌍'", Literal.Type.STRING, "Grüße 🌍");
        }

        @Test
        void temporalValues() {
            assertLiteral("2012-06-01T00:00:00Z", Literal.Type.DATE_TIME, OffsetDateTime.parse("2012-06-01T00:00:00Z"));
            assertLiteral("2012-06-01T00:00:00.123+02:00", Literal.Type.DATE_TIME,
                    OffsetDateTime.parse("2012-06-01T00:00:00.123+02:00"));
            assertLiteral("2012-06-01T10:30-05:00", Literal.Type.DATE_TIME, OffsetDateTime.parse("2012-06-01T10:30-05:00"));
            assertLiteral("2012-06-01", Literal.Type.DATE, LocalDate.of(2012, 6, 1));
            assertLiteral("10:00:00", Literal.Type.TIME, LocalTime.of(10, 0));
            assertLiteral("10:00", Literal.Type.TIME, LocalTime.of(10, 0));
            assertLiteral("23:59:59.5", Literal.Type.TIME, LocalTime.of(23, 59, 59, 500_000_000));
            assertLiteral("2012-01-01T00:00:00Z/2012-01-02T00:00:00Z", Literal.Type.INTERVAL, new Literal.Interval(
                    OffsetDateTime.parse("2012-01-01T00:00:00Z"), OffsetDateTime.parse("2012-01-02T00:00:00Z")));
        }

        @Test
        void durations() {
            assertLiteral("duration'P1DT2H'", Literal.Type.DURATION, Duration.ofHours(26));
            assertLiteral("duration'PT0.5S'", Literal.Type.DURATION, Duration.ofMillis(500));
            assertLiteral("duration'-PT30M'", Literal.Type.DURATION, Duration.ofMinutes(-30));
        }

        @Test
        void geometriesKeepTheirWellKnownTextWithoutTheSridPrefix() {
            assertLiteral("geography'POINT(1 2)'", Literal.Type.GEOMETRY, "POINT(1 2)");
            assertLiteral("geometry'LINESTRING(0 0, 1 1)'", Literal.Type.GEOMETRY, "LINESTRING(0 0, 1 1)");
            assertLiteral("geography'SRID=4326;POINT(1 2)'", Literal.Type.GEOMETRY, "POINT(1 2)");
            assertLiteral("geography'srid=4326; POLYGON((0 0, 1 0, 1 1, 0 0))'", Literal.Type.GEOMETRY,
                    "POLYGON((0 0, 1 0, 1 1, 0 0))");
        }

        @Test
        void comparisonsWithEveryKindOfLiteral() {
            assertThat(parsed("phenomenonTime ge 2012-06-01T00:00:00Z and resultTime lt 2012-06-02"))
                    .isEqualTo("(and (ge phenomenonTime date_time:2012-06-01T00:00Z) (lt resultTime date:2012-06-02))");
            assertThat(parsed("result eq 1.5 or result eq null or flag ne false"))
                    .isEqualTo("(or (or (eq result decimal:1.5) (eq result null)) (ne flag false))");
        }
    }

    @Nested
    class Paths {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                id                       | id
                @iot.id                  | @iot.id
                Datastream/@iot.id       | Datastream/@iot.id
                Datastream/Thing/name    | Datastream/Thing/name
                properties/owner/email   | properties/owner/email
                result/value             | result/value
                _private                 | _private
                """)
        void areSplitAtSlashes(String filter, String path) {
            Expr expr = FilterParser.parse(filter);
            assertThat(expr).isInstanceOf(PropertyPath.class);
            assertThat(ExprPrinter.print(expr)).isEqualTo(path);
            assertThat(((PropertyPath) expr).segments()).containsExactly(path.split("/"));
        }

        @Test
        void keywordsAreCaseSensitiveSoCapitalisedOnesAreNames() {
            assertThat(parsed("NOT eq True")).isEqualTo("(eq NOT True)");
        }
    }

    @Nested
    class Functions {

        @Test
        void theCatalogueIsTheOneOfTheSpecificationAndFrost() {
            assertThat(FilterFunctions.names()).containsExactlyInAnyOrder(
                    "substringof", "contains", "endswith", "startswith", "length", "indexof", "substring",
                    "tolower", "toupper", "trim", "concat", "year", "month", "day", "hour", "minute", "second",
                    "fractionalseconds", "date", "time", "totaloffsetminutes", "now", "mindatetime", "maxdatetime",
                    "round", "floor", "ceiling", "geo.distance", "geo.length", "geo.intersects", "st_equals",
                    "st_disjoint", "st_touches", "st_within", "st_overlaps", "st_crosses", "st_intersects",
                    "st_contains", "st_relate", "before", "after", "meets", "during", "overlaps", "starts",
                    "finishes");
        }

        @Test
        void everyFunctionParsesWithEveryPermittedArgumentCountAndNoOther() {
            for (String name : FilterFunctions.names()) {
                FilterFunctions.Arity arity = FilterFunctions.arity(name).orElseThrow();
                for (int count = 0; count <= 4; count++) {
                    String call = name + "(" + String.join(", ", java.util.Collections.nCopies(count, "x")) + ")";
                    if (arity.accepts(count)) {
                        Expr expr = FilterParser.parse(call);
                        assertThat(expr).as(call).isEqualTo(new FunctionCall(name, argumentsAt(name, count), 0));
                    } else {
                        assertThat(failure(call).getMessage()).as(call)
                                .isEqualTo("function '" + name + "' " + arity.describe() + ", got " + count);
                    }
                }
            }
        }

        private static List<Expr> argumentsAt(String name, int count) {
            return java.util.stream.IntStream.range(0, count)
                    .<Expr>mapToObj(i -> new PropertyPath(List.of("x"), name.length() + 1 + 3 * i))
                    .toList();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                substringof('room', name)                                        | substringof('room' name)
                contains(name, 'room')                                           | contains(name 'room')
                substring(name, 1) eq 'oom'                                      | (eq substring(name 1) 'oom')
                substring(name, 1, 2) eq 'oo'                                    | (eq substring(name 1 2) 'oo')
                length(tolower(trim(concat(name, 'x')))) gt 3                    | (gt length(tolower(trim(concat(name 'x')))) 3)
                year(phenomenonTime) eq 2012 and month(phenomenonTime) eq 6      | (and (eq year(phenomenonTime) 2012) (eq month(phenomenonTime) 6))
                resultTime lt now()                                              | (lt resultTime now())
                round(result) eq floor(result) add ceiling(0.5)                  | (eq round(result) (add floor(result) ceiling(decimal:0.5)))
                geo.distance(location, geography'POINT(8 51)') lt 0.1            | (lt geo.distance(location geometry:POINT(8 51)) decimal:0.1)
                st_within(location, geography'POLYGON((0 0, 1 0, 1 1, 0 0))')    | st_within(location geometry:POLYGON((0 0, 1 0, 1 1, 0 0)))
                st_relate(location, geometry'POINT(1 2)', 'T********')           | st_relate(location geometry:POINT(1 2) 'T********')
                overlaps(phenomenonTime, 2012-01-01T00:00:00Z/2012-01-02T00:00:00Z) | overlaps(phenomenonTime interval:Interval[start=2012-01-01T00:00Z, end=2012-01-02T00:00Z])
                before(phenomenonTime, 2012-01-01T00:00:00Z)                     | before(phenomenonTime date_time:2012-01-01T00:00Z)
                not startswith(name, 'x')                                        | (not startswith(name 'x'))
                length (name) eq 1                                               | (eq length(name) 1)
                """)
        void composeWithOperators(String filter, String tree) {
            assertThat(parsed(filter)).isEqualTo(tree);
        }
    }

    @Nested
    class LambdasAndIn {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                Datastreams/any(d: d/name eq 'x')                      | (any Datastreams d: (eq d/name 'x'))
                Datastreams/any()                                      | (any Datastreams)
                Thing/Datastreams/all(ds:ds/unitOfMeasurement/symbol ne 'K') | (all Thing/Datastreams ds: (ne ds/unitOfMeasurement/symbol 'K'))
                Datastreams/any(d: d/Observations/any(o: o/result gt 3)) | (any Datastreams d: (any d/Observations o: (gt o/result 3)))
                not Locations/any() and name eq 'x'                    | (and (not (any Locations)) (eq name 'x'))
                name in ('a', 'b')                                     | (in name ['a' 'b'])
                id in (1, 2, 3) or id in (7)                           | (or (in id [1 2 3]) (in id [7]))
                """)
        void parse(String filter, String tree) {
            assertThat(parsed(filter)).isEqualTo(tree);
        }

        @Test
        void lambdaAndInNodesCarryTheirParts() {
            LambdaExpr lambda = (LambdaExpr) FilterParser.parse("Datastreams/any(d: d/name eq 'x')");
            assertThat(lambda.kind()).isEqualTo(LambdaExpr.Kind.ANY);
            assertThat(lambda.collection()).isEqualTo(new PropertyPath(List.of("Datastreams"), 0));
            assertThat(lambda.variable()).isEqualTo("d");
            assertThat(lambda.predicate().position()).isEqualTo(19);

            InExpr in = (InExpr) FilterParser.parse("x in (1, 'b')");
            assertThat(in.position()).isZero();
            assertThat(in.values()).containsExactly(Literal.of(1L, 6), Literal.of("b", 9));
        }
    }

    @Test
    void everyNodeKnowsWhereItStarts() {
        BinaryExpr and = (BinaryExpr) FilterParser.parse("  not  x and length(name) gt -3");
        assertThat(and.position()).isEqualTo(2);
        UnaryExpr not = (UnaryExpr) and.left();
        assertThat(not.position()).isEqualTo(2);
        assertThat(not.operand().position()).isEqualTo(7);
        BinaryExpr gt = (BinaryExpr) and.right();
        assertThat(gt.position()).isEqualTo(13);
        FunctionCall length = (FunctionCall) gt.left();
        assertThat(length.arguments().getFirst().position()).isEqualTo(20);
        assertThat(gt.right()).isEqualTo(Literal.of(-3L, 29));
        assertThat(FilterParser.parse("(x) eq duration'P1D'")).isEqualTo(new BinaryExpr(BinaryExpr.Operator.EQ,
                new PropertyPath(List.of("x"), 1), Literal.of(Duration.ofDays(1), 7), 1));
    }

    @Nested
    class Errors {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                ""                                    | 0  | unexpected end of expression
                name eq                               | 7  | unexpected end of expression
                a eq 1 or                             | 9  | unexpected end of expression
                (name eq 'x' and                      | 16 | unexpected end of expression
                (a eq 1                               | 7  | expected ')' but found end of input
                (a eq 1 b)                            | 8  | expected ')' but found 'b'
                name eq 'x')                          | 11 | expected an operator or the end of $filter but found ')'
                name eq 'x' nd x                      | 12 | expected an operator or the end of $filter but found 'nd'
                name EQ 'x'                           | 5  | unknown operator 'EQ' (operators are lower case: 'eq')
                a eq 1 And b                          | 7  | unknown operator 'And' (operators are lower case: 'and')
                a eq , b                              | 5  | expected an expression but found ','
                name eq 'x' and 'abc                  | 16 | unterminated string starting at position 16
                name eq 'it''s                        | 8  | unterminated string starting at position 8
                name eq substringoff('a', name)       | 8  | unknown function 'substringoff'
                SubstringOf('a', name)                | 0  | unknown function 'SubstringOf' (function names are lower case: 'substringof')
                substring(name)                       | 0  | function 'substring' takes 2 or 3 arguments, got 1
                now(1)                                | 0  | function 'now' takes no arguments, got 1
                length()                              | 0  | function 'length' takes 1 argument, got 0
                st_relate(a, b)                       | 0  | function 'st_relate' takes 3 arguments, got 2
                substring(a, 1                        | 14 | expected ',' or ')' but found end of input
                substring(a 1)                        | 12 | expected ',' or ')' but found '1'
                x eq 99999999999999999999             | 5  | integer 99999999999999999999 is out of range: integers must lie between -9223372036854775808 and 9223372036854775807 (write a decimal such as 1.0e20 for larger numbers)
                x eq 1e9999999999                     | 5  | invalid number '1e9999999999'
                x eq 12abc                            | 7  | unexpected character 'a' after '12'
                x eq 1.5.2                            | 8  | unexpected character '.' after '1.5'
                x eq #                                | 5  | unexpected character '#'
                x eq ~a                               | 5  | unexpected character '~'
                t eq 2012-13-01T00:00:00Z             | 5  | invalid date-time '2012-13-01T00:00:00Z': Invalid value for MonthOfYear (valid values 1 - 12): 13
                d eq 2012-02-30                       | 5  | invalid date '2012-02-30': Invalid date 'FEBRUARY 30'
                t eq 25:00:00                         | 5  | invalid time '25:00:00': Invalid value for HourOfDay (valid values 0 - 23): 25
                t eq 2012-06-01T10:00:00              | 5  | date-time '2012-06-01T10:00:00' needs a time zone offset, e.g. 2012-06-01T10:00:00Z or 2012-06-01T10:00:00+02:00
                t eq 2012-01-02T00:00:00Z/2012-01-01T00:00:00Z | 5 | interval '2012-01-02T00:00:00Z/2012-01-01T00:00:00Z' ends before it starts
                x eq duration'P1Y'                    | 5  | invalid duration 'P1Y': expected days, hours, minutes and seconds such as P1DT2H30M
                x eq geography'SRID=3857;POINT(1 2)'  | 5  | unsupported SRID 3857: only SRID=4326 is supported
                x eq geometry' '                      | 5  | empty geometry literal: expected well-known text such as POINT(1 2)
                x eq geography'POINT(1 2)             | 14 | unterminated string starting at position 14
                x eq datetime'2012-01-01'             | 5  | unknown literal prefix 'datetime': only duration'...', geography'...' and geometry'...' are typed literals
                x in 'a'                              | 5  | expected '(' after 'in' but found ''a''
                x in ()                               | 6  | expected an expression but found ')'
                x in (1, 2                            | 10 | expected ',' or ')' but found end of input
                Datastreams/any(d d/name eq 1)        | 18 | expected ':' after the lambda variable 'd' but found 'd'
                Datastreams/any(d.x: true)            | 16 | invalid lambda variable name 'd.x'
                Datastreams/any(d: true               | 23 | expected ')' but found end of input
                Datastreams/foo(1)                    | 15 | '(' after 'foo': only 'any' and 'all' can be applied to a path
                Datastreams/                          | 12 | expected a property name after '/' but found end of input
                Datastreams/any()/name                | 17 | expected an operator or the end of $filter but found '/'
                a eq 1 ;                              | 7  | expected an operator or the end of $filter but found ';'
                a = 1                                 | 2  | expected an operator or the end of $filter but found '='
                """)
        void sayWhatAndWhere(String filter, int position, String message) {
            QuerySyntaxException e = failure(filter);
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.position()).isEqualTo(position);
        }

        @Test
        void longLiteralsAreShortenedInMessages() {
            String filter = "a eq 1 '" + "x".repeat(100) + "'";
            assertThat(failure(filter).getMessage())
                    .isEqualTo("expected an operator or the end of $filter but found ''" + "x".repeat(39) + "...'");
        }
    }

    @Nested
    class Nesting {

        @Test
        void upToTheLimitIsFine() {
            int max = FilterParser.MAX_DEPTH;
            assertThat(parsed("(".repeat(max) + "a" + ")".repeat(max))).isEqualTo("a");
            assertThat(FilterParser.parse("not ".repeat(max) + "a")).isInstanceOf(UnaryExpr.class);
        }

        @Test
        void beyondTheLimitIsASyntaxErrorAtTheFirstTooDeepToken() {
            int max = FilterParser.MAX_DEPTH;
            QuerySyntaxException e = failure("(".repeat(max + 1) + "a" + ")".repeat(max + 1));
            assertThat(e.position()).isEqualTo(max);
            assertThat(e.getMessage()).isEqualTo("expression is nested too deeply (more than 100 levels)");
        }

        @Test
        void absurdNestingOfEveryKindNeverOverflowsTheStack() {
            int n = 100_000;
            for (String filter : List.of(
                    "(".repeat(n) + "a" + ")".repeat(n),
                    "not ".repeat(n) + "a",
                    "- ".repeat(n) + "a",
                    "length(".repeat(n) + "a" + ")".repeat(n),
                    "a in (".repeat(n) + "1" + ")".repeat(n),
                    "D/any(d: d/E/any(e: ".repeat(n) + "true" + "))".repeat(n))) {
                assertThat(failure(filter).getMessage()).contains("nested too deeply");
            }
        }
    }
}
