package de.gemeinwerk.sensorthings.query.path;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.path.ResourcePath.Segment;
import de.gemeinwerk.sensorthings.query.path.ResourcePath.Suffix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResourcePathParserTest {

    @Test
    void theEmptyPathIsTheServiceRoot() {
        ResourcePath root = new ResourcePath(List.of(), Suffix.NONE);
        assertThat(ResourcePathParser.parse("")).isEqualTo(root);
        assertThat(ResourcePathParser.parse("/")).isEqualTo(root);
    }

    @Test
    void collectionsEntitiesAndNavigation() {
        assertThat(ResourcePathParser.parse("Things"))
                .isEqualTo(new ResourcePath(List.of(new Segment("Things", null, 0)), Suffix.NONE));
        assertThat(ResourcePathParser.parse("Things(1)"))
                .isEqualTo(new ResourcePath(List.of(new Segment("Things", 1L, 0)), Suffix.NONE));
        assertThat(ResourcePathParser.parse("/Things(1)/Datastreams/")).isEqualTo(new ResourcePath(
                List.of(new Segment("Things", 1L, 1), new Segment("Datastreams", null, 11)), Suffix.NONE));
        assertThat(ResourcePathParser.parse("Things(1)/properties")).isEqualTo(new ResourcePath(
                List.of(new Segment("Things", 1L, 0), new Segment("properties", null, 10)), Suffix.NONE));
        assertThat(ResourcePathParser.parse("Observations(9223372036854775807)/result")).isEqualTo(new ResourcePath(
                List.of(new Segment("Observations", Long.MAX_VALUE, 0), new Segment("result", null, 34)), Suffix.NONE));
    }

    @Test
    void refAndValueSuffixes() {
        assertThat(ResourcePathParser.parse("Datastreams(5)/Observations/$ref")).isEqualTo(new ResourcePath(
                List.of(new Segment("Datastreams", 5L, 0), new Segment("Observations", null, 15)), Suffix.REF));
        assertThat(ResourcePathParser.parse("Things(1)/Locations(2)/$ref")).isEqualTo(new ResourcePath(
                List.of(new Segment("Things", 1L, 0), new Segment("Locations", 2L, 10)), Suffix.REF));
        assertThat(ResourcePathParser.parse("Observations(7)/result/$value/")).isEqualTo(new ResourcePath(
                List.of(new Segment("Observations", 7L, 0), new Segment("result", null, 16)), Suffix.VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Things('x')                  | 7  | expected an integer id but found ''x'': ids are integers, e.g. Things(1)
            Things(abc)                  | 7  | expected an integer id but found 'abc': ids are integers, e.g. Things(1)
            Things(1.5)                  | 7  | expected an integer id but found '1.5': ids are integers, e.g. Things(1)
            Things()                     | 7  | expected an integer id but found ')': ids are integers, e.g. Things(1)
            Things(                      | 7  | expected an integer id but found end of input: ids are integers, e.g. Things(1)
            Things(1                     | 8  | expected ')' after the id but found end of input
            Things(1,2)                  | 8  | expected ')' after the id but found ','
            Things(1)(2)                 | 9  | expected '/' or the end of the path but found '('
            Things(1)x                   | 9  | expected '/' or the end of the path but found 'x'
            Things//Datastreams          | 7  | expected a path segment but found '/'
            //Things                     | 1  | expected a path segment but found '/'
            Things (1)                   | 6  | whitespace is not allowed in a resource path
            $ref                         | 0  | '$ref' must follow an entity, collection or property
            Things/$count                | 7  | unknown path segment '$count': only $ref and $value are supported
            Things/$ref/x                | 12 | expected the end of the path after '$ref' but found 'x'
            Things/$ref/$value           | 12 | expected the end of the path after '$ref' but found '$value'
            Things(1)#x                  | 9  | unexpected character '#'
            Things(99999999999999999999) | 7  | integer 99999999999999999999 is out of range: integers must lie between -9223372036854775808 and 9223372036854775807 (write a decimal such as 1.0e20 for larger numbers)
            Things('x                    | 7  | unterminated string starting at position 7
            """)
    void rejectsMalformedPaths(String path, int position, String message) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> ResourcePathParser.parse(path));
        assertThat(e).isNotNull();
        assertThat(e.part()).isEqualTo("path");
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
