package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.options.QueryOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code $orderby}: comma-separated expressions (usually property paths, but any $filter expression
 * is allowed, e.g. {@code geo.distance(location, geography'POINT(8 51)')}), each optionally followed by
 * {@code asc} or {@code desc}.
 */
public final class OrderByParser {

    private OrderByParser() {}

    /** Parses a complete {@code $orderby} value; positions are offsets in {@code text}. */
    public static List<QueryOptions.OrderBy> parse(String text) {
        Tokenizer tokens = new Tokenizer("$orderby", text);
        List<QueryOptions.OrderBy> keys = parse(tokens);
        tokens.expectEnd("an operator, 'asc', 'desc', ',' or the end of $orderby");
        return keys;
    }

    /** Parses the keys from {@code tokens} and stops before the first token that cannot continue the list. */
    public static List<QueryOptions.OrderBy> parse(Tokenizer tokens) {
        List<QueryOptions.OrderBy> keys = new ArrayList<>();
        do {
            Expr expression = FilterParser.parse(tokens);
            boolean descending = tokens.peek().isWord("desc");
            if (descending || tokens.peek().isWord("asc")) {
                tokens.next();
            }
            keys.add(new QueryOptions.OrderBy(expression, descending));
        } while (tokens.accept(Token.Kind.COMMA));
        return keys;
    }
}
