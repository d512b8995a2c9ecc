package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.platform.error.ApiException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as RFC 4180 defines it — a header row, fields in double quotes where they hold the separator, a quote
 * ({@code ""}) or a line break — with what spreadsheets add: {@code ;} as the separator (German Excel, where {@code ,}
 * is the decimal mark; recognised from the header row, or from Excel's first line {@code sep=;}), LF as well as CRLF, a UTF-8 byte order mark, Windows-1252 text
 * (Excel's "CSV (Trennzeichen-getrennt)"), and empty rows. Every error names the line and column. Pure.
 *
 * @param separator {@code ;} or {@code ,}
 */
public record CsvTable(char separator, Row header, List<Row> rows) {

    /**
     * A record and the line it starts on (from 1; a quoted field may span lines).
     *
     * @param fields the fields as written, unquoted, not stripped
     */
    public record Row(int line, List<String> fields) {
    }

    /**
     * {@code body} as text: in {@code declared} when the request names a charset (strictly: a byte that is not of that
     * charset is a 400, never a stored U+FFFD), else UTF-8, else Windows-1252. UTF-16 is refused with a hint, since
     * neither guess could read it.
     */
    public static String decode(byte[] body, Charset declared) {
        if (startsWithUtf16Mark(body) && (declared == null || !declared.name().startsWith("UTF-16"))) {
            throw ApiException.badRequest("The file is UTF-16 (Excel's \"Unicode text\"); save it as CSV in UTF-8"
                    + " or Windows-1252.", "body");
        }
        String text;
        if (declared != null) {
            try {
                text = strictly(body, declared);
            } catch (CharacterCodingException e) {
                throw ApiException.badRequest("The file is not valid " + declared.name() + " as its Content-Type"
                        + " declares; save it in that charset or declare the one it is in.", "body");
            }
        } else {
            try {
                text = strictly(body, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notUtf8) {
                text = new String(body, Charset.forName("windows-1252"));
            }
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String strictly(byte[] body, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    }

    private static boolean startsWithUtf16Mark(byte[] body) {
        return body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE));
    }

    /** The table in {@code text}; 400 naming the line (and column) of what is malformed. */
    public static CsvTable read(String text) {
        String firstLine = firstNonBlankLine(text);
        Character declared = declaredSeparator(firstLine);
        char separator = declared != null ? declared : separator(firstLine);
        List<Row> rows = new ArrayList<>();
        Reader reader = new Reader(text, separator);
        while (reader.more()) {
            Row row = reader.row();
            if (row.fields().stream().anyMatch(field -> !field.isBlank())) {
                rows.add(row);
            }
        }
        if (declared != null) {
            rows.removeFirst(); // Excel's "sep=;" line is no header
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("The file is empty; it needs a header row and a row per device.", "line 1");
        }
        Row header = rows.removeFirst();
        for (Row row : rows) {
            if (row.fields().size() != header.fields().size()) {
                throw ApiException.badRequest("This row has " + row.fields().size() + " fields, the header row "
                        + header.fields().size() + " (separator '" + separator + "').", "line " + row.line());
            }
        }
        return new CsvTable(separator, header, rows);
    }

    /** From the first line with more than white space on to the end: where the header row (or "sep=") starts. */
    private static String firstNonBlankLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            if (!text.substring(start, end).isBlank()) {
                return text.substring(start);
            }
            start = end + 1;
        }
        return "";
    }

    /** The separator of Excel's optional first line "sep=;" (or "sep=,"), or null when there is none. */
    private static Character declaredSeparator(String firstLine) {
        String line = firstLine.lines().findFirst().orElse("").strip();
        if (!line.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        if (line.equals(line.substring(0, 4) + ";") || line.equals(line.substring(0, 4) + ",")) {
            return line.charAt(4);
        }
        throw ApiException.badRequest("The first line declares the separator '" + line.substring(4)
                + "'; use ';' or ','.", "line 1");
    }

    /** {@code ;} if the header row has one outside quotes, else {@code ,}. */
    private static char separator(String headerOnwards) {
        boolean quoted = false;
        for (int i = 0; i < headerOnwards.length(); i++) {
            char c = headerOnwards.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                return ';';
            }
        }
        return ',';
    }

    /** Reads record after record; keeps the line number for the errors. */
    private static final class Reader {
        private final String text;
        private final char separator;
        private int at;
        private int line = 1;

        Reader(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        boolean more() {
            return at < text.length();
        }

        Row row() {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(text.startsWith("\"", at) ? quoted(startLine, fields.size() + 1) : plain(fields.size() + 1));
                if (at >= text.length()) {
                    return new Row(startLine, fields);
                }
                char c = text.charAt(at);
                if (c == separator) {
                    at++;
                    continue;
                }
                // a line break ends the record: CRLF, LF or a lone CR
                at += text.startsWith("\r\n", at) ? 2 : 1;
                line++;
                return new Row(startLine, fields);
            }
        }

        private String plain(int column) {
            int start = at;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == separator || c == '\n' || c == '\r') {
                    break;
                }
                if (c == '"') {
                    throw ApiException.badRequest("A field with a double quote must be enclosed in double quotes,"
                            + " the quote written twice (\"\").", "line " + line + ", column " + column);
                }
                at++;
            }
            return text.substring(start, at);
        }

        private String quoted(int startLine, int column) {
            StringBuilder field = new StringBuilder();
            at++;
            while (true) {
                int quote = text.indexOf('"', at);
                if (quote < 0) {
                    throw ApiException.badRequest("A quoted field is not closed by a double quote.",
                            "line " + startLine + ", column " + column);
                }
                String part = text.substring(at, quote);
                field.append(part);
                line += lineBreaks(part);
                at = quote + 1;
                if (text.startsWith("\"", at)) {
                    field.append('"');
                    at++;
                    continue;
                }
                if (at < text.length() && text.charAt(at) != separator && text.charAt(at) != '\n'
                        && text.charAt(at) != '\r') {
                    throw ApiException.badRequest("After a quoted field comes the separator '" + separator
                            + "' or the end of the line.", "line " + line + ", column " + column);
                }
                return field.toString();
            }
        }

        private static int lineBreaks(String part) {
            return (int) part.replace("\r\n", "\n").chars().filter(c -> c == '\n' || c == '\r').count();
        }
    }
}
