package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions.OrderBy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderByParserTest {

    /** "expr asc|desc" per key, joined by ", ". */
    private static String parsed(String orderBy) {
        return String.join(", ", OrderByParser.parse(orderBy).stream()
                .map(key -> ExprPrinter.print(key.expression()) + (key.descending() ? " desc" : " asc"))
                .toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            name                                                 | name asc
            name asc                                             | name asc
            phenomenonTime desc,id                               | phenomenonTime desc, id asc
            name desc, id asc, result                            | name desc, id asc, result asc
            Datastream/Thing/name desc                           | Datastream/Thing/name desc
            properties/owner/email                               | properties/owner/email asc
            length(name) add 1 desc                              | (add length(name) 1) desc
            geo.distance(location, geography'POINT(8 51)') desc  | geo.distance(location geometry:POINT(8 51)) desc
            substring(name, 1, 2) , @iot.id desc                 | substring(name 1 2) asc, @iot.id desc
            """)
    void parsesKeysWithOptionalDirection(String orderBy, String keys) {
        assertThat(parsed(orderBy)).isEqualTo(keys);
    }

    @Test
    void keysKeepTheirPositions() {
        assertThat(OrderByParser.parse("name desc, id")).containsExactly(
                new OrderBy(new PropertyPath(List.of("name"), 0), true),
                new OrderBy(new PropertyPath(List.of("id"), 11), false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                | 0  | unexpected end of expression
            name,             | 5  | unexpected end of expression
            name desc desc    | 10 | expected an operator, 'asc', 'desc', ',' or the end of $orderby but found 'desc'
            name DESC         | 5  | expected an operator, 'asc', 'desc', ',' or the end of $orderby but found 'DESC'
            name; id          | 4  | expected an operator, 'asc', 'desc', ',' or the end of $orderby but found ';'
            name ,, id        | 6  | expected an expression but found ','
            lenght(name)      | 0  | unknown function 'lenght'
            'abc              | 0  | unterminated string starting at position 0
            """)
    void reportsErrorsAsOrderBy(String orderBy, int position, String message) {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> OrderByParser.parse(orderBy));
        assertThat(e).isNotNull();
        assertThat(e.part()).isEqualTo("$orderby");
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
