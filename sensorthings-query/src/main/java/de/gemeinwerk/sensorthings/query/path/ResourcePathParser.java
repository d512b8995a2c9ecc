package de.gemeinwerk.sensorthings.query.path;

import de.gemeinwerk.sensorthings.query.filter.Literal;
import de.gemeinwerk.sensorthings.query.filter.Token;
import de.gemeinwerk.sensorthings.query.filter.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the resource path after the service root: {@code name[(id)]} segments separated by '/', optionally
 * ended by {@code $ref} or {@code $value}. One leading and one trailing '/' are tolerated; the empty path is
 * the service root. Entity and property names are not checked here, the caller knows the model.
 * Errors have part "path" and positions relative to the given path string.
 */
public final class ResourcePathParser {

    private static final String PART = "path";

    private ResourcePathParser() {}

    public static ResourcePath parse(String path) {
        Tokenizer tokens = new Tokenizer(PART, path);
        rejectWhitespace(tokens, path);
        tokens.accept(Token.Kind.SLASH);
        List<ResourcePath.Segment> segments = new ArrayList<>();
        while (!tokens.peek().is(Token.Kind.END)) {
            Token name = tokens.expect(Token.Kind.WORD, "a path segment");
            if (name.text().startsWith("$")) {
                ResourcePath.Suffix suffix = suffix(tokens, name, segments.isEmpty());
                tokens.accept(Token.Kind.SLASH);
                tokens.expectEnd("the end of the path after '" + name.text() + "'");
                return new ResourcePath(segments, suffix);
            }
            Long id = tokens.accept(Token.Kind.OPEN) ? id(tokens) : null;
            segments.add(new ResourcePath.Segment(name.text(), id, name.start()));
            if (!tokens.accept(Token.Kind.SLASH)) {
                tokens.expectEnd("'/' or the end of the path");
            }
        }
        return new ResourcePath(segments, ResourcePath.Suffix.NONE);
    }

    /** The tokenizer skips blanks between tokens, which a URL path must not contain ("Things (1)"). */
    private static void rejectWhitespace(Tokenizer tokens, String path) {
        for (int i = 0; i < path.length(); i++) {
            if (Character.isWhitespace(path.charAt(i))) {
                throw tokens.error(i, "whitespace is not allowed in a resource path");
            }
        }
    }

    private static ResourcePath.Suffix suffix(Tokenizer tokens, Token name, boolean first) {
        ResourcePath.Suffix suffix = switch (name.text()) {
            case "$ref" -> ResourcePath.Suffix.REF;
            case "$value" -> ResourcePath.Suffix.VALUE;
            default -> throw tokens.error(name.start(), "unknown path segment '" + name.text()
                    + "': only $ref and $value are supported");
        };
        if (first) {
            throw tokens.error(name.start(), "'" + name.text() + "' must follow an entity, collection or property");
        }
        return suffix;
    }

    private static Long id(Tokenizer tokens) {
        Token id = tokens.peek();
        if (!id.isLiteral(Literal.Type.INTEGER)) {
            throw tokens.error(id.start(), "expected an integer id but found " + id.describe()
                    + ": ids are integers, e.g. Things(1)");
        }
        tokens.next();
        tokens.expect(Token.Kind.CLOSE, "')' after the id");
        return (Long) id.literal().value();
    }
}
