package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.OrderByParser;
import de.gemeinwerk.sensorthings.query.filter.Token;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.List;

/** Collects option values while parsing, for the top level as well as for each nested $expand item. */
final class OptionsBuilder {

    private Integer top;
    private Integer skip;
    private Boolean count;
    private List<QueryOptions.OrderBy> orderBy = List.of();
    private List<QueryOptions.SelectItem> select = List.of();
    private List<QueryOptions.ExpandItem> expand = List.of();
    private Expr filter;
    private String resultFormat;

    /**
     * Reads the value of {@code option} from {@code tokens} and stops before the first token that cannot
     * continue it; the caller checks what follows. {@code expandDepth} is the $expand nesting level so far.
     */
    void read(SystemOption option, Tokenizer tokens, int expandDepth) {
        switch (option) {
            case TOP -> top = nonNegativeInteger(tokens, option);
            case SKIP -> skip = nonNegativeInteger(tokens, option);
            case COUNT -> count = bool(tokens);
            case ORDER_BY -> orderBy = OrderByParser.parse(tokens);
            case SELECT -> select = SelectParser.parse(tokens);
            case EXPAND -> expand = ExpandParser.parse(tokens, expandDepth);
            case FILTER -> filter = FilterParser.parse(tokens);
            // Free text cannot be delimited inside $expand(...), and a nested result format means nothing.
            case RESULT_FORMAT -> throw tokens.error(tokens.peek().start(),
                    "$resultFormat is only allowed as a top-level option, not inside $expand");
        }
    }

    void resultFormat(String text) {
        resultFormat = text;
    }

    QueryOptions build() {
        return new QueryOptions(top, skip, count, orderBy, select, expand, filter, resultFormat);
    }

    private static Integer nonNegativeInteger(Tokenizer tokens, SystemOption option) {
        Token token = tokens.peek();
        if (!token.isLiteral(Literal.Type.INTEGER)) {
            throw tokens.unexpected("a non-negative integer");
        }
        long value = (Long) token.literal().value();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw tokens.error(token.start(), option.text() + " must be an integer from 0 to " + Integer.MAX_VALUE
                    + ", got " + value);
        }
        tokens.next();
        return (int) value;
    }

    private static Boolean bool(Tokenizer tokens) {
        Token token = tokens.peek();
        if (!token.isWord("true") && !token.isWord("false")) {
            throw tokens.unexpected("true or false");
        }
        return Boolean.valueOf(tokens.next().text());
    }
}
