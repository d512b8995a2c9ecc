package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Token;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code $select}: comma-separated property paths such as {@code id,name,properties/owner}. */
final class SelectParser {

    private SelectParser() {}

    static List<QueryOptions.SelectItem> parse(Tokenizer tokens) {
        List<QueryOptions.SelectItem> items = new ArrayList<>();
        do {
            MemberPath path = MemberPath.read(tokens, "a property name");
            items.add(new QueryOptions.SelectItem(path.segments(), path.position()));
        } while (tokens.accept(Token.Kind.COMMA));
        return items;
    }
}
