package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.dataarray.DataArrayJson;
import de.gemeinwerk.sensorthings.dataarray.ObservationDatastreams;
import de.gemeinwerk.sensorthings.formats.ResultFormat;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * GET with {@code $resultFormat=dataArray} (SensorThings 1.1, Data Array extension) on collections of Observations,
 * {@code $select} choosing the components (dispatched by {@link ResultFormatReads}). Paging, {@code $filter},
 * {@code $orderby} and {@code $count} work as in the normal format. Read on the caller's connection, rendered after
 * the transaction, like every read ({@link ReadEndpoint#read}).
 */
@Component
public class DataArrayReads {

    private static final String WHERE = ResultFormat.OPTION;

    private final PathResolver resolver;
    private final EntityReader reader;
    private final JsonMapper json;

    public DataArrayReads(PathResolver resolver, EntityReader reader, JsonMapper json) {
        this.resolver = resolver;
        this.reader = reader;
        this.json = json;
    }

    Reply read(Connection connection, StaRequest request) throws SQLException {
        QueryOptions options = request.options();
        if (!options.expand().isEmpty()) {
            throw ApiException.badRequest("$expand cannot be combined with $resultFormat=dataArray", "$expand");
        }
        ResolvedPath path = request.path() == null ? null
                : resolver.resolve(connection, request.path(), request.reader());
        requireObservations(path);
        Projection projection = projection(options);
        EntityReader.Page page = reader.read(connection, path.target(), request.reader(), options, projection,
                List.of());
        List<ObservationDatastreams.Group> groups = ObservationDatastreams.of(connection, path.target(), page.rows());
        String nextLink = page.more()
                ? PagingLinks.next(request.requestUrl(), request.rawQuery(), page.top(), page.skip()) : null;
        return new Reply(null, () -> StaResponse.json(json, HttpServletResponse.SC_OK, StaResponse.JSON_TYPE,
                g -> DataArrayJson.write(g, page, groups, projection, request.serviceRoot(), nextLink)));
    }

    private static void requireObservations(ResolvedPath path) {
        if (path == null || path.target().type() != EntityType.OBSERVATION || path.target().single()
                || path.property() != null || path.suffix() != ResourcePath.Suffix.NONE) {
            throw ApiException.badRequest("$resultFormat=dataArray applies to collections of Observations, e.g."
                    + " Datastreams(1)/Observations or MultiDatastreams(1)/Observations", WHERE);
        }
    }

    /** Components are the id and properties; a navigation link has no place in a row of values. */
    private static Projection projection(QueryOptions options) {
        Projection projection = Projection.of(EntityType.OBSERVATION, options.select());
        if (!projection.navigationLinks().isEmpty() && !options.select().isEmpty()) {
            throw ApiException.badRequest("with $resultFormat=dataArray, $select names id and properties only",
                    "$select");
        }
        return projection;
    }
}
