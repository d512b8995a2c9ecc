package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.formats.CsvWriter;
import de.gemeinwerk.sensorthings.formats.FeatureCollectionWriter;
import de.gemeinwerk.sensorthings.formats.GeometrySource;
import de.gemeinwerk.sensorthings.formats.ResultFormat;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET with {@code $resultFormat}: {@code dataArray} goes to {@link DataArrayReads}; {@code CSV} and {@code GeoJSON}
 * (package {@code formats}) read entities as a normal GET does — path, {@code $filter}, {@code $orderby},
 * {@code $top}, {@code $skip}, {@code $select}, {@code $expand}, on the caller's connection (a snapshot alone, the
 * batch's transaction inside a batch) — and write them in their format after the transaction, buffered, so a failure
 * is still a clean error and the client gets a Content-Length. The next page is named in a
 * {@code Link: <…>; rel="next"} header (and, in GeoJSON, also as {@code @iot.nextLink}).
 * CSV pages may be larger than JSON pages ({@code gemeinwerk.sensorthings.csv-max-top}, 100000): a download of a
 * year of 15-minute values is one request.
 */
@Component
public class ResultFormatReads {

    static final String CSV_TYPE = "text/csv;header=present;charset=UTF-8";
    static final String GEO_JSON_TYPE = "application/geo+json";

    private final PathResolver resolver;
    private final EntityReader reader;
    private final EntityReader csvReader;
    private final DataArrayReads dataArray;
    private final JsonMapper json;

    public ResultFormatReads(PathResolver resolver, EntityReader reader, DataArrayReads dataArray, JsonMapper json,
                             @Value("${gemeinwerk.sensorthings.csv-max-top:100000}") int csvMaxTop) {
        this.resolver = resolver;
        this.reader = reader;
        this.csvReader = reader.withMaxTop(csvMaxTop);
        this.dataArray = dataArray;
        this.json = json;
    }

    /** Reads on the caller's connection and transaction; the reply renders the format afterwards. */
    Reply read(Connection connection, StaRequest request) throws SQLException {
        return switch (ResultFormat.parse(request.options().resultFormat())) {
            case DATA_ARRAY -> dataArray.read(connection, request);
            case CSV -> csv(connection, request);
            case GEO_JSON -> geoJson(connection, request);
        };
    }

    private Reply csv(Connection connection, StaRequest request) throws SQLException {
        ResolvedPath path = resolve(connection, request, ResultFormat.CSV);
        Projection projection = Projection.of(path.target().type(), request.options().select());
        List<ExpandNode> expand = firstOfCollections(ExpandNode.of(path.target().type(), request.options().expand()));
        EntityReader.Page page = csvReader.read(connection, path.target(), request.reader(),
                withoutCount(request.options()), projection, expand);
        return found(path, page, () -> {
            ResponseBuffer body = new ResponseBuffer();
            try (Writer writer = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
                CsvWriter.write(writer, page.rows(), projection, expand);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // a browser saves the download under a name that says what it is, e.g. Datastreams-1-Observations.csv
            return paged(StaResponse.of(HttpServletResponse.SC_OK, CSV_TYPE, body)
                    .withHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(request) + ".csv\""),
                    nextLink(request, page));
        });
    }

    /** The resource path with every run of other characters than letters and digits as one '-'. */
    private static String fileName(StaRequest request) {
        String path = request.requestUrl().substring(request.serviceRoot().length());
        return path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private Reply geoJson(Connection connection, StaRequest request) throws SQLException {
        ResolvedPath path = resolve(connection, request, ResultFormat.GEO_JSON);
        GeometrySource source = GeometrySource.of(path.target().type());
        Projection projection = source.reading(Projection.of(path.target().type(), request.options().select()));
        List<ExpandNode> expand = ExpandNode.of(path.target().type(), request.options().expand());
        EntityReader.Page page = reader.read(connection, path.target(), request.reader(), request.options(),
                projection, expand);
        Map<Long, String> geometries = source.geometries(connection, page.rows(), projection, request.reader());
        String nextLink = nextLink(request, page);
        return found(path, page, () -> paged(StaResponse.json(json, HttpServletResponse.SC_OK, GEO_JSON_TYPE,
                g -> FeatureCollectionWriter.write(g, page, projection, expand, geometries, request.serviceRoot(),
                        nextLink)), nextLink));
    }

    /** Entities and collections of entities have these formats; a property, $value or $ref has not. */
    private ResolvedPath resolve(Connection connection, StaRequest request, ResultFormat format) throws SQLException {
        ResolvedPath path = request.path() == null ? null
                : resolver.resolve(connection, request.path(), request.reader());
        if (path == null || path.property() != null || path.suffix() != ResourcePath.Suffix.NONE) {
            throw ApiException.badRequest("$resultFormat=" + format.value() + " applies to entities and collections of"
                    + " entities, e.g. Things or Things(1), not to the service root, a property, $value or $ref",
                    ResultFormat.OPTION);
        }
        return path;
    }

    /**
     * The reply; a single entity that is not there is a 404, as in the normal format — here, inside the transaction,
     * so that it fails a batch's atomicity group like any other error.
     */
    private static Reply found(ResolvedPath path, EntityReader.Page page, Supplier<StaResponse> rendering) {
        if (path.target().single() && page.rows().isEmpty()) {
            throw PathResolver.notFound(path.target());
        }
        return new Reply(null, rendering);
    }

    /**
     * A CSV row is one entity, so an expanded collection contributes its first entity (FROST-Server does the same):
     * only that one is read ($top=1). An explicit other $top would be silently cut, so it is refused.
     */
    private static List<ExpandNode> firstOfCollections(List<ExpandNode> nodes) {
        return nodes.stream().map(node -> {
            QueryOptions options = node.options();
            if (node.navigation().many() && options.top() != null && options.top() != 1) {
                throw ApiException.badRequest("with $resultFormat=CSV a row is one entity, so an expanded collection"
                        + " shows its first entity only; leave out $top in " + node.navigation().name() + "(…) or use"
                        + " $top=1", "$expand");
            }
            QueryOptions first = node.navigation().many() ? new QueryOptions(1, options.skip(), null, options.orderBy(),
                    options.select(), options.expand(), options.filter(), null) : options;
            return new ExpandNode(node.navigation(), first, node.projection(), firstOfCollections(node.children()));
        }).toList();
    }

    /** CSV has no place for a count, so it is not counted. */
    private static QueryOptions withoutCount(QueryOptions options) {
        return new QueryOptions(options.top(), options.skip(), null, options.orderBy(), options.select(), options.expand(),
                options.filter(), options.resultFormat());
    }

    private static String nextLink(StaRequest request, EntityReader.Page page) {
        return page.more() ? PagingLinks.next(request.requestUrl(), request.rawQuery(), page.top(), page.skip()) : null;
    }

    private static StaResponse paged(StaResponse response, String nextLink) {
        return nextLink == null ? response : response.withHeader(HttpHeaders.LINK, "<" + nextLink + ">; rel=\"next\"");
    }
}
