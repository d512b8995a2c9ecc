package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TokenizerTest {

    private static List<Token> all(String text) {
        Tokenizer tokens = new Tokenizer("test", text);
        List<Token> result = new ArrayList<>();
        Token token;
        do {
            token = tokens.next();
            result.add(token);
        } while (!token.is(Token.Kind.END));
        return result;
    }

    @Test
    void splitsIntoKindsWithOffsets() {
        List<Token> tokens = all(" a/@iot.id eq 'x''y'(1,2);$ref=d:-3 - geo.distance\t");
        assertThat(tokens).extracting(Token::kind).containsExactly(
                Token.Kind.WORD, Token.Kind.SLASH, Token.Kind.WORD, Token.Kind.WORD, Token.Kind.LITERAL,
                Token.Kind.OPEN, Token.Kind.LITERAL, Token.Kind.COMMA, Token.Kind.LITERAL, Token.Kind.CLOSE,
                Token.Kind.SEMICOLON, Token.Kind.WORD, Token.Kind.EQUALS, Token.Kind.WORD, Token.Kind.COLON,
                Token.Kind.LITERAL, Token.Kind.MINUS, Token.Kind.WORD, Token.Kind.END);
        assertThat(tokens).extracting(Token::text).containsExactly(
                "a", "/", "@iot.id", "eq", "'x''y'", "(", "1", ",", "2", ")", ";", "$ref", "=", "d", ":", "-3", "-",
                "geo.distance", "");
        assertThat(tokens.get(4).start()).isEqualTo(14);
        assertThat(tokens.get(4).end()).isEqualTo(20);
        assertThat(tokens.get(4).literal()).isEqualTo(Literal.of("x'y", 14));
        assertThat(tokens.getLast().start()).isEqualTo(51);
    }

    @Test
    void peeksAheadWithoutConsumingAndStaysAtTheEnd() {
        Tokenizer tokens = new Tokenizer("test", "a b");
        assertThat(tokens.peek(1).text()).isEqualTo("b");
        assertThat(tokens.peek(2).is(Token.Kind.END)).isTrue();
        assertThat(tokens.next().text()).isEqualTo("a");
        assertThat(tokens.accept(Token.Kind.COMMA)).isFalse();
        assertThat(tokens.accept(Token.Kind.WORD)).isTrue();
        assertThat(tokens.next().is(Token.Kind.END)).isTrue();
        assertThat(tokens.next().is(Token.Kind.END)).isTrue();
    }

    @Test
    void prefixedLiteralsNeedAKnownPrefixRightBeforeTheQuote() {
        assertThat(all("duration'P1D' geometry 'x'")).extracting(Token::kind).containsExactly(
                Token.Kind.LITERAL, Token.Kind.WORD, Token.Kind.LITERAL, Token.Kind.END);
    }

    @Test
    void errorsCarryThePartName() {
        QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> all("a \u0007"));
        assertThat(e.part()).isEqualTo("test");
        assertThat(e.position()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("unexpected character U+0007");
    }
}
