package de.gemeinwerk.sensorthings.query;

/**
 * A request URL part that does not parse. {@code part} names what was being parsed ("$filter",
 * "$orderby", "$expand", "path", ...) and {@code position} is the zero-based offset within that
 * part's text where the problem was found (-1 when it concerns the whole part). The HTTP layer turns
 * this into a 400 response that quotes all three.
 */
public class QuerySyntaxException extends RuntimeException {

    private final String part;
    private final int position;

    public QuerySyntaxException(String part, int position, String message) {
        super(message);
        this.part = part;
        this.position = position;
    }

    public String part() { return part; }

    public int position() { return position; }
}
