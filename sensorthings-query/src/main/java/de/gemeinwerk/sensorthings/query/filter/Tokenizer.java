package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits one request part ($filter, $orderby, $select, $expand, the resource path, ...) into tokens. It is
 * the single lexer of this module: every parser reads the same language of words, literals and punctuation,
 * so quoted strings (which may contain ',', ';' or parentheses) are recognised identically everywhere.
 * Tokens are produced lazily, so the first error reported is the leftmost one a parser runs into.
 * Positions are zero-based offsets in the text given to the constructor; errors name the given part.
 */
public final class Tokenizer {

    /** Words that, written directly before a quoted string, make a typed literal (OData {@code duration'P1D'}). */
    private static final Set<String> LITERAL_PREFIXES = Set.of("duration", "geography", "geometry");

    private final String part;
    private final String text;
    private int offset;
    private final List<Token> lookahead = new ArrayList<>(2);

    public Tokenizer(String part, String text) {
        this.part = part;
        this.text = Objects.requireNonNull(text, "text");
    }

    public Token peek() {
        return peek(0);
    }

    /** The token {@code ahead} places after the next one (0 = the next one). */
    public Token peek(int ahead) {
        while (lookahead.size() <= ahead) {
            lookahead.add(lex());
        }
        return lookahead.get(ahead);
    }

    /** Consumes and returns the next token; at the end it keeps returning the END token. */
    public Token next() {
        Token token = peek();
        if (!token.is(Token.Kind.END)) {
            lookahead.remove(0);
        }
        return token;
    }

    /** Consumes the next token if it is of the given kind. */
    public boolean accept(Token.Kind kind) {
        if (peek().is(kind)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes a token of the given kind or fails with "expected {what} but found ...". */
    public Token expect(Token.Kind kind, String what) {
        if (!peek().is(kind)) {
            throw unexpected(what);
        }
        return next();
    }

    /** Fails unless all text has been consumed; {@code what} lists what else could have come. */
    public void expectEnd(String what) {
        if (!peek().is(Token.Kind.END)) {
            throw unexpected(what);
        }
    }

    /** "expected {what} but found {next token}", positioned at the next token. */
    public QuerySyntaxException unexpected(String what) {
        Token found = peek();
        return error(found.start(), "expected " + what + " but found " + found.describe());
    }

    public QuerySyntaxException error(int position, String message) {
        return new QuerySyntaxException(part, position, message);
    }

    private Token lex() {
        while (offset < text.length() && isWhitespace(text.charAt(offset))) {
            offset++;
        }
        int start = offset;
        if (start == text.length()) {
            return new Token(Token.Kind.END, "", start, start, null);
        }
        char c = text.charAt(start);
        return switch (c) {
            case '(' -> punctuation(Token.Kind.OPEN);
            case ')' -> punctuation(Token.Kind.CLOSE);
            case ',' -> punctuation(Token.Kind.COMMA);
            case ';' -> punctuation(Token.Kind.SEMICOLON);
            case '/' -> punctuation(Token.Kind.SLASH);
            case ':' -> punctuation(Token.Kind.COLON);
            case '=' -> punctuation(Token.Kind.EQUALS);
            case '\'' -> string(start);
            // OData has no binary minus ("sub" is a word), so "-" before a digit can only be a sign.
            case '-' -> startsNumber(start + 1) ? unquoted(start) : punctuation(Token.Kind.MINUS);
            default -> {
                if (startsNumber(start)) {
                    yield unquoted(start);
                }
                if (isWordStart(c)) {
                    yield word(start);
                }
                throw error(start, "unexpected character " + describe(c));
            }
        };
    }

    private Token punctuation(Token.Kind kind) {
        int start = offset++;
        return new Token(kind, text.substring(start, offset), start, offset, null);
    }

    private Token string(int start) {
        String content = readQuoted(start);
        return literalToken(start, Literal.of(content, start));
    }

    private Token unquoted(int start) {
        LiteralLexer.Match match = LiteralLexer.unquoted(this, text, start);
        offset = match.end();
        if (offset < text.length() && isWordPart(text.charAt(offset))) {
            throw error(offset, "unexpected character " + describe(text.charAt(offset))
                    + " after '" + text.substring(start, offset) + "'");
        }
        return literalToken(start, match.literal());
    }

    private Token word(int start) {
        offset = start + 1;
        while (offset < text.length() && isWordPart(text.charAt(offset))) {
            offset++;
        }
        String word = text.substring(start, offset);
        if (offset < text.length() && text.charAt(offset) == '\'' && LITERAL_PREFIXES.contains(word)) {
            String content = readQuoted(offset);
            return literalToken(start, LiteralLexer.prefixed(this, word, content, start));
        }
        return new Token(Token.Kind.WORD, word, start, offset, null);
    }

    private Token literalToken(int start, Literal literal) {
        return new Token(Token.Kind.LITERAL, text.substring(start, offset), start, offset, literal);
    }

    /** Reads '...' starting at the quote, with '' standing for one quote; leaves offset after the closing quote. */
    private String readQuoted(int quote) {
        StringBuilder content = new StringBuilder();
        int i = quote + 1;
        while (true) {
            int next = text.indexOf('\'', i);
            if (next < 0) {
                throw error(quote, "unterminated string starting at position " + quote);
            }
            content.append(text, i, next);
            if (next + 1 < text.length() && text.charAt(next + 1) == '\'') {
                content.append('\'');
                i = next + 2;
            } else {
                offset = next + 1;
                return content.toString();
            }
        }
    }

    private boolean startsNumber(int index) {
        return index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Names may begin with '@' ({@code @iot.id}) or '$' ({@code $ref}, {@code $top}). */
    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@' || c == '$';
    }

    /** Dots belong to names: {@code geo.distance}, {@code @iot.id}. */
    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static String describe(char c) {
        return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
