package de.gemeinwerk.geo;

/**
 * A geometry text (GeoJSON or WKT) that is malformed. The message names what is wrong and, for
 * GeoJSON, where: a JSON-pointer-like {@link #path()} such as {@code coordinates/0/3}, so that an API
 * client can find the offending member in a large document.
 */
public final class GeometryFormatException extends RuntimeException {

    private final String path;
    private final String problem;

    public GeometryFormatException(String problem) {
        this("", problem);
    }

    private GeometryFormatException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the GeoJSON document the problem is, e.g. {@code geometries/1/coordinates}; empty for the root and for WKT. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem seen from the enclosing JSON value. Readers build paths this way, outwards while
     * the exception travels up, so that reading valid input never spends time or memory on paths.
     */
    GeometryFormatException under(String member) {
        return new GeometryFormatException(path.isEmpty() ? member : member + "/" + path, problem);
    }

    GeometryFormatException under(int index) {
        return under(Integer.toString(index));
    }
}
