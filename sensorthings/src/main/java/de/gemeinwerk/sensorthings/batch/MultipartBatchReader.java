package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart batch request body (OData 4.0 Part 1, 11.7; SensorThings 1.1, 11.2): parts of
 * {@code Content-Type: application/http} each holding one request (request line, headers, blank line, body),
 * and change sets, nested {@code multipart/mixed} parts whose requests form one atomicity group. Lines may end
 * in CRLF or LF. Errors name the part, e.g. {@code part 2.1 request line} (the first request of the change set
 * in part 2).
 */
public final class MultipartBatchReader {

    private static final String HTTP = "application/http";

    private MultipartBatchReader() {}

    public static List<SubRequest> read(byte[] body, String boundary) {
        // ISO-8859-1 maps each byte to one char and back, so bodies keep their exact bytes (UTF-8 JSON included)
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<SubRequest> requests = new ArrayList<>();
        List<String> parts = parts(text, boundary, "body");
        for (int p = 0; p < parts.size(); p++) {
            String where = "part " + (p + 1);
            Part part = Part.of(parts.get(p));
            String type = part.contentType(where);
            if (type.startsWith(HTTP)) {
                requests.add(request(part, null, where));
            } else if (type.startsWith("multipart/mixed")) {
                List<String> changeSet = parts(part.content(), BatchContentType.boundary(part.header("Content-Type"),
                        where + " Content-Type"), where);
                for (int c = 0; c < changeSet.size(); c++) {
                    String inner = where + "." + (c + 1);
                    Part request = Part.of(changeSet.get(c));
                    if (!request.contentType(inner).startsWith(HTTP)) {
                        throw ApiException.badRequest("a change set holds only parts of Content-Type: application/http"
                                + " (change sets cannot be nested)", inner + " Content-Type");
                    }
                    requests.add(request(request, "change set of " + where, inner));
                }
            } else {
                throw ApiException.badRequest("a batch part is application/http (one request) or multipart/mixed"
                        + " (a change set), not " + type, where + " Content-Type");
            }
        }
        return requests;
    }

    /** The parts between the delimiters {@code --boundary}, from the first delimiter to the closing one. */
    static List<String> parts(String text, String boundary, String where) {
        String delimiter = "--" + boundary;
        int at = delimiterAt(text, delimiter, 0);
        if (at < 0) {
            throw ApiException.badRequest("the multipart body has no delimiter line " + delimiter, where);
        }
        List<String> parts = new ArrayList<>();
        while (true) {
            int after = at + delimiter.length();
            if (text.startsWith("--", after)) {
                return parts;
            }
            int start = text.indexOf('\n', after);
            int next = start < 0 ? -1 : delimiterAt(text, delimiter, start);
            if (next < 0) {
                throw ApiException.badRequest("the multipart body does not end with the closing delimiter "
                        + delimiter + "--", where);
            }
            // the line break before a delimiter belongs to the delimiter (RFC 2046, 5.1.1)
            int end = next > 0 && text.charAt(next - 1) == '\n' ? next - 1 : next;
            end = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            parts.add(text.substring(Math.min(start + 1, end), end));
            at = next;
        }
    }

    /** The next position ≥ from where a line starts with the delimiter followed by "--", white space or the end. */
    private static int delimiterAt(String text, String delimiter, int from) {
        for (int at = text.indexOf(delimiter, from); at >= 0; at = text.indexOf(delimiter, at + 1)) {
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            int after = at + delimiter.length();
            boolean ends = after >= text.length() || text.startsWith("--", after)
                    || Character.isWhitespace(text.charAt(after));
            if (lineStart && ends) {
                return at;
            }
        }
        return -1;
    }

    private static SubRequest request(Part part, String group, String where) {
        String encoding = part.header("Content-Transfer-Encoding");
        if (encoding != null && !List.of("binary", "8bit", "7bit").contains(encoding.trim().toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("the transfer encoding of a request is binary, not " + encoding,
                    where + " Content-Transfer-Encoding");
        }
        String content = part.content().replaceFirst("^(\r?\n)+", "");
        int lineEnd = content.indexOf('\n');
        String requestLine = (lineEnd < 0 ? content : content.substring(0, lineEnd)).strip();
        String[] words = requestLine.split(" +");
        if (words.length < 2 || words.length > 3 || (words.length == 3 && !words[2].startsWith("HTTP/"))) {
            throw ApiException.badRequest("a request starts with a request line such as 'GET Things(1) HTTP/1.1', not '"
                    + requestLine + "'", where + " request line");
        }
        String method = words[0].toUpperCase(Locale.ROOT);
        if (!JsonBatchReader.METHODS.contains(method)) {
            throw ApiException.badRequest("the method must be one of GET, POST, PATCH, PUT, DELETE, not " + words[0],
                    where + " request line");
        }
        Part inner = Part.of(lineEnd < 0 ? "" : content.substring(lineEnd + 1));
        String id = part.header("Content-ID") != null ? part.header("Content-ID") : inner.header("Content-ID");
        byte[] body = inner.content().getBytes(StandardCharsets.ISO_8859_1);
        return new SubRequest(id == null ? null : id.strip(), group, List.of(), method, words[1], inner.headers(),
                inner.content().isBlank() ? null : new SubRequest.Body.Bytes(body), where);
    }

    /** Header lines up to the first empty line, and what follows it. */
    private record Part(Map<String, String> headers, String content) {

        static Part of(String text) {
            Map<String, String> headers = new LinkedHashMap<>();
            int at = 0;
            while (at < text.length()) {
                int end = text.indexOf('\n', at);
                String line = (end < 0 ? text.substring(at) : text.substring(at, end)).replaceFirst("\r$", "");
                at = end < 0 ? text.length() : end + 1;
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
            return new Part(headers, text.substring(at));
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType(String where) {
            String type = header("Content-Type");
            if (type == null) {
                throw ApiException.badRequest("each batch part needs a Content-Type: application/http for a request,"
                        + " multipart/mixed for a change set", where + " Content-Type");
            }
            return type.toLowerCase(Locale.ROOT);
        }
    }
}
