package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * Reads a GET that ends with an {@link Extension} segment, inside the caller's read-only snapshot. The path before
 * the segment is resolved exactly as a standard path (each parent checked within the tenant).
 */
@Component
public class Extensions {

    private final PathResolver resolver;
    private final Aggregates aggregates;
    private final LatestValues latest = new LatestValues();
    private final Clock clock = Clock.systemUTC();

    public Extensions(PathResolver resolver, EntityReader reader) {
        this.resolver = resolver;
        this.aggregates = new Aggregates(reader);
    }

    /**
     * @param path       the standard path before the extension segment, null if there is none
     * @param parameters all query parameters (the extension's own, such as {@code interval}, are not '$' options)
     */
    public ExtensionAnswer read(Connection connection, Extension extension, ResourcePath path, ReadScope reader,
                                QueryOptions options, Map<String, String> parameters) throws SQLException {
        if (path == null) {
            throw ApiException.badRequest(extension.segment() + " follows a path to Datastreams, e.g. Datastreams/"
                    + extension.segment(), "path");
        }
        rejectShapingOptions(extension, options);
        ResolvedPath resolved = resolver.resolve(connection, path, reader);
        if (resolved.property() != null || resolved.suffix() != ResourcePath.Suffix.NONE) {
            throw ApiException.badRequest(extension.segment() + " follows a path to entities, not to a property,"
                    + " $ref or $value", "path");
        }
        return switch (extension) {
            case AGGREGATE -> aggregates.read(connection, resolved.target(), reader, options, parameters,
                    clock.instant());
            case LATEST -> latest.read(connection, resolved.target(), reader, options);
        };
    }

    /** The answer's shape is the extension's own, so options that shape entities would silently do nothing. */
    private static void rejectShapingOptions(Extension extension, QueryOptions options) {
        if (!options.select().isEmpty() || !options.expand().isEmpty() || options.count() != null) {
            String option = !options.select().isEmpty() ? "$select" : !options.expand().isEmpty() ? "$expand" : "$count";
            throw ApiException.badRequest(extension.segment() + " has a fixed answer; " + option + " does not apply",
                    option);
        }
    }
}
