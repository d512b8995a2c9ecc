package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.List;
import java.util.Map;

/**
 * Parses the system query options of a request from its already URL-decoded query parameters. Parameters not
 * starting with '$' are ignored (they belong to others, e.g. the server's own parameters).
 *
 * <p>Error convention: {@link QuerySyntaxException#part()} is the top-level parameter name ("$top",
 * "$filter", "$expand", ...) and {@link QuerySyntaxException#position()} the zero-based offset in that
 * parameter's value. For options nested in {@code $expand} the part stays "$expand" and the position is the
 * offset in the whole $expand value, which is the text the user can search; the positions stored in the
 * result (select/expand items, filter and orderby nodes) follow the same rule. An unknown top-level
 * option has position -1.
 */
public final class QueryOptionsParser {

    private QueryOptionsParser() {}

    public static QueryOptions parse(Map<String, String> params) {
        OptionsBuilder options = new OptionsBuilder();
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            if (name == null || !name.startsWith("$")) {
                continue;
            }
            // "?$top" without '=' may arrive as a null value; it is an empty, hence bad, value.
            String value = param.getValue() == null ? "" : param.getValue();
            SystemOption option = SystemOption.byName(name).orElseThrow(() -> new QuerySyntaxException(name, -1,
                    "unknown query option '" + name + "'; supported are " + SystemOption.names()));
            if (option == SystemOption.RESULT_FORMAT) {
                options.resultFormat(value);
                continue;
            }
            Tokenizer tokens = new Tokenizer(name, value);
            options.read(option, tokens, 0);
            tokens.expectEnd(option.expectedAfterValue(List.of("the end of " + name)));
        }
        return options.build();
    }
}
