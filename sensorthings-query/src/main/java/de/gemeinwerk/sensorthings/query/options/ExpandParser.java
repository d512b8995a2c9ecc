package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.Token;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code $expand}: comma-separated navigation paths, each optionally followed by its own options in
 * parentheses, separated by ';' and nested to any depth up to {@link FilterParser#MAX_DEPTH}:
 * {@code Datastreams($select=name;$expand=Observations($top=1;$filter=result gt 3))}. Nested values are parsed
 * in the same token stream as the $expand text, so quoted strings containing ',', ';' or ')' stay intact and
 * all positions (of errors, items and filter nodes) are offsets in the top-level $expand text.
 */
final class ExpandParser {

    private static final List<String> OPTION_ENDINGS = List.of("';'", "')'");

    private ExpandParser() {}

    static List<QueryOptions.ExpandItem> parse(Tokenizer tokens, int depth) {
        List<QueryOptions.ExpandItem> items = new ArrayList<>();
        do {
            MemberPath path = MemberPath.read(tokens, "a navigation property");
            QueryOptions options = tokens.peek().is(Token.Kind.OPEN) ? nestedOptions(tokens, depth + 1) : QueryOptions.NONE;
            items.add(new QueryOptions.ExpandItem(path.segments(), options, path.position()));
        } while (tokens.accept(Token.Kind.COMMA));
        return items;
    }

    private static QueryOptions nestedOptions(Tokenizer tokens, int depth) {
        Token open = tokens.next();
        if (depth > FilterParser.MAX_DEPTH) {
            throw tokens.error(open.start(), "$expand is nested too deeply (more than " + FilterParser.MAX_DEPTH + " levels)");
        }
        OptionsBuilder options = new OptionsBuilder();
        Set<SystemOption> seen = EnumSet.noneOf(SystemOption.class);
        while (true) {
            Token name = tokens.expect(Token.Kind.WORD, "a query option such as $select or $filter");
            SystemOption option = SystemOption.byName(name.text()).orElseThrow(() -> tokens.error(name.start(),
                    "unknown query option '" + name.text() + "' in $expand; supported are " + SystemOption.names()));
            if (!seen.add(option)) {
                throw tokens.error(name.start(), "duplicate query option '" + name.text() + "'");
            }
            tokens.expect(Token.Kind.EQUALS, "'=' after " + name.text());
            options.read(option, tokens, depth);
            if (tokens.accept(Token.Kind.CLOSE)) {
                return options.build();
            }
            if (!tokens.accept(Token.Kind.SEMICOLON)) {
                throw tokens.unexpected(option.expectedAfterValue(OPTION_ENDINGS));
            }
        }
    }
}
