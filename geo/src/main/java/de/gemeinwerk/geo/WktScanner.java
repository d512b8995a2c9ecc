package de.gemeinwerk.geo;

import java.util.Locale;

/**
 * Character-level reading of WKT text for {@link WktReader}: words, numbers and punctuation, with
 * whitespace between tokens skipped. Errors name the 1-based character where reading stopped, so that
 * a user can find it in a long $filter literal.
 */
final class WktScanner {

    private final String text;
    private int position;
    private int wordStart;

    WktScanner(String text) {
        this.text = text;
    }

    /** The upper-cased word (letters only) at the current position, or "" if there is none. */
    String word() {
        wordStart = here();
        while (position < text.length() && isAsciiLetter(text.charAt(position))) {
            position++;
        }
        return text.substring(wordStart, position).toUpperCase(Locale.ROOT);
    }

    /** The digits at the current position, or "" if there are none. */
    String digits() {
        int start = here();
        skipDigits();
        return text.substring(start, position);
    }

    /** The position of the next token, for errors found only after reading it. */
    int here() {
        skipWhitespace();
        return position;
    }

    /** Consumes {@code expected} if it comes next. */
    boolean accept(char expected) {
        skipWhitespace();
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    void expect(char expected) {
        if (!accept(expected)) {
            throw error("expected '" + expected + "'");
        }
    }

    boolean atNumber() {
        if (here() == text.length()) {
            return false;
        }
        char c = text.charAt(position);
        return isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    /** A decimal number such as {@code -117.123} or {@code 5e-3}; NaN and Infinity are not numbers here. */
    double number() {
        if (!atNumber()) {
            throw error("expected a number");
        }
        int start = position;
        if (text.charAt(position) == '-' || text.charAt(position) == '+') {
            position++;
        }
        int digits = skipDigits();
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            digits += skipDigits();
        }
        if (digits == 0) {
            position = start;
            throw error("expected a number");
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '-' || text.charAt(position) == '+')) {
                position++;
            }
            if (skipDigits() == 0) {
                throw error("expected the digits of an exponent");
            }
        }
        double value = Double.parseDouble(text.substring(start, position));
        try {
            return GeometryAssembly.finiteCoordinate(value);
        } catch (GeometryFormatException e) {
            throw at(start, e.problem());
        }
    }

    void expectEnd() {
        skipWhitespace();
        if (position < text.length()) {
            throw error("expected the end of the geometry");
        }
    }

    /** An error at the current position, describing what was found there. */
    GeometryFormatException error(String problem) {
        skipWhitespace();
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end of the text";
        return at(position, problem + ", found " + found);
    }

    /** An error about the word last read by {@link #word()}. */
    GeometryFormatException wordError(String problem) {
        return at(wordStart, problem);
    }

    /** An error at a position saved with {@link #here()}. */
    GeometryFormatException at(int start, String problem) {
        return new GeometryFormatException("invalid WKT at character " + (start + 1) + ": " + problem);
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private int skipDigits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        return position - start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
