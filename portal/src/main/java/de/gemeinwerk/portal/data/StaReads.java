package de.gemeinwerk.portal.data;

import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.query.path.ResourcePathParser;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.visibility.ReadScopes;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The portal's server-side reads, for a page's first paint and the live updates: standard SensorThings GETs of a
 * collection (path and query options as a client would send them), run through the same reader, in one read-only
 * snapshot, and answered as the same JSON the HTTP API sends. So the portal shows nothing the public API would not,
 * and its templates read the documented JSON rather than internal rows. They read as the public does (no key): private
 * Things and Datastreams (README, "Public and private entities") never reach a page or a live update.
 */
@Component
public class StaReads {

    /**
     * The {@code $expand} of a Datastream's latest Observation. The API answers exactly this expand from the latest
     * value it keeps per Datastream (README, "Extensions"), without reading the Observations.
     */
    public static final String LATEST_OBSERVATION =
            "Observations($top=1;$orderby=phenomenonTime desc;$select=id,phenomenonTime,result)";

    /** One GET: {@code path} relative to the service root (a collection), {@code options} as query parameters. */
    public record Get(String path, Map<String, String> options) {}

    private final Transactions transactions;
    private final PathResolver resolver;
    private final EntityReader reader;
    private final ReadScopes scopes;
    private final JsonMapper json;

    public StaReads(DataSource dataSource, PathResolver resolver, EntityReader reader, ReadScopes scopes,
                    JsonMapper json) {
        this.transactions = new Transactions(dataSource);
        this.resolver = resolver;
        this.reader = reader;
        this.scopes = scopes;
        this.json = json;
    }

    /** The answers of the GETs, in their order, as the API renders them (self links under {@code serviceRoot}). */
    public List<JsonNode> read(long tenantId, String serviceRoot, List<Get> gets) {
        ReadScope asThePublic = scopes.ofPublic(tenantId);
        return transactions.read(connection -> {
            List<JsonNode> answers = new ArrayList<>(gets.size());
            for (Get get : gets) {
                answers.add(read(connection, asThePublic, serviceRoot, get));
            }
            return answers;
        });
    }

    private JsonNode read(Connection connection, ReadScope scope, String serviceRoot, Get get) throws SQLException {
        QueryOptions options;
        ResolvedPath path;
        try {
            options = QueryOptionsParser.parse(get.options());
            path = resolver.resolve(connection, ResourcePathParser.parse(get.path()), scope);
        } catch (QuerySyntaxException e) {
            // the portal's own queries are constants or built from ids: a syntax error is a bug here, not bad input
            throw new IllegalStateException("portal query " + get + " is invalid: " + e.getMessage(), e);
        }
        Projection projection = Projection.of(path.target().type(), options.select());
        List<ExpandNode> expand = ExpandNode.of(path.target().type(), options.expand());
        EntityReader.Page page = reader.read(connection, path.target(), scope, options, projection, expand);
        // bytes, not a Writer: EntityJson writes its pre-encoded links as raw UTF-8, which only a byte generator takes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(bytes)) {
            if (path.target().single()) {
                if (page.rows().isEmpty()) {
                    throw PathResolver.notFound(path.target());
                }
                EntityJson.writeEntity(g, page.rows().getFirst(), projection, expand, serviceRoot);
            } else {
                EntityJson.writeCollection(g, page, projection, expand, serviceRoot, null);
            }
        }
        return json.readTree(bytes.toByteArray());
    }
}
