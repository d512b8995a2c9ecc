package de.gemeinwerk.sensorthings.query.filter;

/**
 * One lexical unit of a request part. Words (names, keywords, function names, {@code $ref}, {@code @iot.id})
 * are not classified here because whether {@code desc} or {@code not} is a keyword depends on where the
 * parser stands. {@code start}/{@code end} are offsets in the tokenized text; {@code literal} is set only
 * for {@link Kind#LITERAL}.
 */
public record Token(Kind kind, String text, int start, int end, Literal literal) {

    public enum Kind { WORD, LITERAL, OPEN, CLOSE, COMMA, SEMICOLON, SLASH, COLON, EQUALS, MINUS, END }

    private static final int MAX_QUOTED_LENGTH = 40;

    public boolean is(Kind expected) {
        return kind == expected;
    }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    public boolean isLiteral(Literal.Type type) {
        return kind == Kind.LITERAL && literal.type() == type;
    }

    /** For error messages: "'and'", "end of input"; long literals are shortened so the message stays readable. */
    public String describe() {
        if (kind == Kind.END) {
            return "end of input";
        }
        String shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
        return "'" + shown + "'";
    }
}
