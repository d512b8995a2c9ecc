package de.gemeinwerk.sensorthings.aggregate;

/**
 * The read extensions of Gemeinwerk, each addressed by a last path segment after a standard resource path:
 * {@code Datastreams(1)/Observations/$aggregate} and {@code Things(5)/Datastreams/$latest}. A segment starting with
 * '$' cannot be an entity set, navigation or property name, and the standard's own '$' segments ({@code $ref},
 * {@code $value}) are different words, so an extension path can never collide with a standard one.
 */
public enum Extension {
    AGGREGATE("$aggregate"),
    LATEST("$latest");

    private final String segment;

    Extension(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    /** The extension a decoded resource path ends with (one trailing '/' tolerated, as for standard paths), or null. */
    public static Extension of(String path) {
        String trimmed = withoutTrailingSlash(path);
        for (Extension extension : values()) {
            if (trimmed.endsWith("/" + extension.segment)) {
                return extension;
            }
        }
        return null;
    }

    /** The standard resource path before this extension's segment: "/Datastreams/$latest" → "/Datastreams". */
    public String standardPath(String path) {
        String trimmed = withoutTrailingSlash(path);
        return trimmed.substring(0, trimmed.length() - segment.length() - 1);
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
