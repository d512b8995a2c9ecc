package de.gemeinwerk.sensorthings.query;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.OrderByParser;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.query.path.ResourcePathParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random and mutated inputs (fixed seed, so failures reproduce) must either parse or fail with a
 * {@link QuerySyntaxException} positioned inside the input, never with any other exception.
 */
class RobustnessTest {

    private static final List<String> SAMPLES = List.of(
            "name eq 'it''s' and not (result gt 3.5e2 or result le -1)",
            "Datastreams/any(d: d/Observations/all(o: o/result in (1, 2, 'x')))",
            "substring(tolower(name), 1, 2) eq 'ab' and geo.distance(location, geography'SRID=4326;POINT(1 2)') lt 1",
            "phenomenonTime ge 2012-06-01T00:00:00.123+02:00 and resultTime lt 2012-06-02 and time(t) eq 10:00:00",
            "overlaps(phenomenonTime, 2012-01-01T00:00:00Z/2012-01-02T00:00:00Z) and duration eq duration'P1DT2H'",
            "st_relate(location, geometry'POLYGON((0 0, 1 0, 1 1, 0 0))', 'T********') and now() gt mindatetime()",
            "Datastreams($select=name,id;$expand=Observations($top=1;$orderby=phenomenonTime desc;$filter=result gt 3)),Locations",
            "Things/Datastreams($filter=name eq 'a;b,c)(''d';$count=true;$skip=2)",
            "Things(1)/Locations(2)/$ref",
            "Observations(7)/result/$value",
            "properties/owner/email desc, @iot.id asc");

    private static final List<String> VOCABULARY = List.of(
            "eq", "ne", "and", "or", "not", "in", "add", "sub", "mul", "div", "mod", "gt", "asc", "desc", "(", ")",
            ",", ";", "/", ":", "=", "-", "'a'", "'", "''", "1", "-9", "1.5", "2e3", "null", "true", "name", "d",
            "any", "all", "any(", "d:", "substring", "length(", "now()", "geo.distance", "st_relate(",
            "2012-06-01T00:00:00Z", "2012-06-01", "10:00:00", "2012-01-01T00:00:00Z/2012-01-02T00:00:00Z",
            "duration'P1D'", "geography'POINT(1 2)'", "geometry'", "$top", "$expand", "$filter", "$select", "$ref",
            "$value", "Things", "(1)", "@iot.id", "#", "\u00e4", "\t", "99999999999999999999");

    private static final String ALPHABET = "abcdeqnotyz019 ()',;/:=-+.$@TZPSRIDtrue\t\"#*[]{}\\\u00e4\u0000";

    private final Random random = new Random(20_240_601);

    @Test
    void randomCharacters() {
        for (int i = 0; i < 3000; i++) {
            StringBuilder input = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                input.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertEveryParserFailsOnlyWithSyntaxErrors(input.toString());
        }
    }

    @Test
    void randomTokenSequences() {
        for (int i = 0; i < 3000; i++) {
            StringBuilder input = new StringBuilder();
            for (int n = random.nextInt(15); n > 0; n--) {
                input.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
                if (random.nextBoolean()) {
                    input.append(' ');
                }
            }
            assertEveryParserFailsOnlyWithSyntaxErrors(input.toString());
        }
    }

    @Test
    void mutatedValidInputs() {
        for (int i = 0; i < 3000; i++) {
            StringBuilder input = new StringBuilder(SAMPLES.get(random.nextInt(SAMPLES.size())));
            for (int n = 1 + random.nextInt(3); n > 0 && !input.isEmpty(); n--) {
                int at = random.nextInt(input.length());
                switch (random.nextInt(4)) {
                    case 0 -> input.deleteCharAt(at);
                    case 1 -> input.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 2 -> input.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> input.setLength(at);
                }
            }
            assertEveryParserFailsOnlyWithSyntaxErrors(input.toString());
        }
    }

    @Test
    void theSamplesThemselvesParseWhereTheyBelong() {
        SAMPLES.subList(0, 6).forEach(FilterParser::parse);
        SAMPLES.subList(6, 8).forEach(expand -> QueryOptionsParser.parse(Map.of("$expand", expand)));
        SAMPLES.subList(8, 10).forEach(ResourcePathParser::parse);
        OrderByParser.parse(SAMPLES.get(10));
    }

    private static void assertEveryParserFailsOnlyWithSyntaxErrors(String input) {
        Map<String, Consumer<String>> parsers = Map.of(
                "$filter", text -> assertPositionsInside(FilterParser.parse(text), text),
                "$orderby", text -> OrderByParser.parse(text)
                        .forEach(key -> assertPositionsInside(key.expression(), text)),
                "path", ResourcePathParser::parse,
                "$expand", text -> QueryOptionsParser.parse(Map.of("$expand", text)),
                "$select", text -> QueryOptionsParser.parse(Map.of("$select", text)),
                "$top", text -> QueryOptionsParser.parse(Map.of("$top", text)),
                "$count", text -> QueryOptionsParser.parse(Map.of("$count", text)));
        parsers.forEach((part, parser) -> {
            try {
                parser.accept(input);
            } catch (QuerySyntaxException e) {
                assertThat(e.part()).as("part for %s", input).isEqualTo(part);
                assertThat(e.position()).as("position for %s: %s", input, e.getMessage()).isBetween(0, input.length());
                assertThat(e.getMessage()).isNotBlank();
            } catch (Throwable t) {
                fail("%s parser threw %s for input <%s>", part, t, input);
            }
        });
    }

    private static void assertPositionsInside(Expr expr, String text) {
        assertThat(expr.position()).as("node %s in <%s>", expr, text).isBetween(0, text.length() - 1);
        children(expr).forEach(child -> assertPositionsInside(child, text));
    }

    private static Stream<Expr> children(Expr expr) {
        return switch (expr) {
            case Literal literal -> Stream.empty();
            case PropertyPath path -> Stream.empty();
            case FunctionCall call -> call.arguments().stream();
            case BinaryExpr binary -> Stream.of(binary.left(), binary.right());
            case UnaryExpr unary -> Stream.of(unary.operand());
            case InExpr in -> Stream.concat(Stream.of(in.left()), in.values().stream());
            case LambdaExpr lambda -> Stream.concat(Stream.of(lambda.collection()), Stream.ofNullable(lambda.predicate()));
        };
    }
}
