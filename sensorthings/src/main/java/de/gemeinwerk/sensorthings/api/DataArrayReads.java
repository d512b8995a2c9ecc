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

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;

/**
 * GET with {@code $resultFormat=dataArray} (SensorThings 1.1, Data Array extension) on collections of Observations,
 * {@code $select} choosing the components (dispatched by {@link ResultFormatReads}). Paging, {@code $filter},
 * {@code $orderby} and {@code $count} work as in the normal format.
 */
@Component
public class DataArrayReads {

    private static final String WHERE = ResultFormat.OPTION;

    private final Transactions transactions;
    private final PathResolver resolver;
    private final EntityReader reader;
    private final ReadEndpoint reads;

    public DataArrayReads(DataSource dataSource, PathResolver resolver, EntityReader reader, ReadEndpoint reads) {
        this.transactions = new Transactions(dataSource);
        this.resolver = resolver;
        this.reader = reader;
        this.reads = reads;
    }

    void get(StaRequest request, HttpServletResponse response) throws IOException {
        QueryOptions options = request.options();
        if (!options.expand().isEmpty()) {
            throw ApiException.badRequest("$expand cannot be combined with $resultFormat=dataArray", "$expand");
        }
        long tenantId = request.tenant().id();
        Read read = transactions.read(connection -> {
            ResolvedPath path = request.path() == null ? null : resolver.resolve(connection, request.path(), tenantId);
            requireObservations(path);
            Projection projection = projection(options);
            EntityReader.Page page = reader.read(connection, path.target(), tenantId, options, projection, List.of());
            return new Read(page, projection, ObservationDatastreams.of(connection, path.target(), page.rows()));
        });
        String nextLink = read.page().more()
                ? PagingLinks.next(request.requestUrl(), request.rawQuery(), read.page().top(), read.page().skip()) : null;
        reads.respond(response, g -> DataArrayJson.write(g, read.page(), read.groups(), read.projection(),
                request.serviceRoot(), nextLink));
    }

    private record Read(EntityReader.Page page, Projection projection, List<ObservationDatastreams.Group> groups) {}

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
