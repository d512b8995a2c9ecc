package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.Token;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/** A '/'-separated path of names as used by $select and $expand, with the position of its first name. */
record MemberPath(List<String> segments, int position) {

    /** Reads {@code name ('/' name)*}; {@code what} names the expected kind of name in error messages. */
    static MemberPath read(Tokenizer tokens, String what) {
        List<String> segments = new ArrayList<>();
        int position = tokens.peek().start();
        do {
            Token name = tokens.peek();
            // '$'-words are query options or $ref/$value, never properties; reject them here with a clear message.
            if (!name.is(Token.Kind.WORD) || name.text().startsWith("$")) {
                throw tokens.unexpected(what);
            }
            segments.add(tokens.next().text());
        } while (tokens.accept(Token.Kind.SLASH));
        return new MemberPath(segments, position);
    }
}
