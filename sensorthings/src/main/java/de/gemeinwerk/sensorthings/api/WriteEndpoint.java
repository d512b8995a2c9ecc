package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.json.JsonErrors;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * POST (create, also deep and through navigation paths, and $ref links), PATCH (merge or JSON Patch),
 * PUT (replace, or re-link a $ref) and DELETE. Each request is one transaction: acknowledged means
 * committed. A created or changed entity is read back in that transaction and returned, unless the
 * client asks for {@code Prefer: return=minimal}.
 */
@Component
public class WriteEndpoint {

    private static final MediaType JSON_PATCH = MediaType.parseMediaType("application/json-patch+json");

    private final Transactions transactions;
    private final PathResolver resolver;
    private final EntityReader reader;
    private final EntityWriter writer;
    private final ReadEndpoint reads;
    private final ObservationLane lane;
    private final ObjectReader bodyReader;
    private final long maxBodyBytes;

    public WriteEndpoint(DataSource dataSource, PathResolver resolver, EntityReader reader, EntityWriter writer,
                         ReadEndpoint reads, ObservationLane lane, JsonMapper json,
                         @Value("${gemeinwerk.sensorthings.max-body-bytes:16777216}") long maxBodyBytes) {
        this.transactions = new Transactions(dataSource);
        this.resolver = resolver;
        this.reader = reader;
        this.writer = writer;
        this.reads = reads;
        this.lane = lane;
        this.bodyReader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxBodyBytes = maxBodyBytes;
    }

    void handle(StaRequest request, HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (request.path() == null) {
            throw new ApiException(org.springframework.http.HttpStatus.METHOD_NOT_ALLOWED,
                    "the service root can only be read", "path");
        }
        long tenantId = request.tenant().id();
        boolean minimal = prefersMinimal(http);
        switch (http.getMethod()) {
            case "POST" -> {
                JsonNode body = body(http, false);
                Target observations = ObservationLane.target(request.path(), body);
                if (observations != null) {
                    respondCreated(request, response, lane.create(tenantId, observations, body, minimal));
                    return;
                }
                ReadEndpoint.Result created = transactions.write(connection -> {
                    ResolvedPath path = writable(connection, request, tenantId);
                    if (path.suffix() == ResourcePath.Suffix.REF) {
                        writer.addLink(connection, tenantId, path.target(), body);
                        return null;
                    }
                    if (path.target().single()) {
                        throw ApiException.badRequest("POST creates an entity in a collection such as "
                                + path.target().type().setName() + "; to change one, use PATCH or PUT", "path");
                    }
                    EntityWriter.Created entity = writer.create(connection, tenantId, path.target(), body);
                    return readBack(connection, Target.entity(entity.type(), entity.id()), tenantId, minimal);
                });
                respondCreated(request, response, created);
            }
            case "PATCH", "PUT" -> {
                boolean patch = http.getMethod().equals("PATCH");
                boolean jsonPatch = patch && isJsonPatch(http);
                JsonNode body = body(http, jsonPatch);
                ReadEndpoint.Result changed = transactions.write(connection -> {
                    ResolvedPath path = writable(connection, request, tenantId);
                    if (path.suffix() == ResourcePath.Suffix.REF) {
                        if (patch) {
                            throw ApiException.badRequest("change a link with PUT .../$ref", "path");
                        }
                        writer.setLink(connection, tenantId, path.target(), body);
                        return null;
                    }
                    requireSingle(path);
                    if (jsonPatch) {
                        writer.jsonPatch(connection, tenantId, path.target(), body);
                    } else if (patch) {
                        writer.update(connection, tenantId, path.target(), body);
                    } else {
                        writer.replace(connection, tenantId, path.target(), body);
                    }
                    return readBack(connection, path.target(), tenantId, minimal);
                });
                respond(request, response, changed);
            }
            case "DELETE" -> {
                transactions.write(connection -> {
                    ResolvedPath path = writable(connection, request, tenantId);
                    if (path.suffix() == ResourcePath.Suffix.REF) {
                        writer.removeLink(connection, tenantId, path.target());
                    } else {
                        requireSingle(path);
                        writer.delete(connection, tenantId, path.target());
                    }
                    return null;
                });
                response.setStatus(HttpServletResponse.SC_OK);
            }
            default -> throw new ApiException(org.springframework.http.HttpStatus.METHOD_NOT_ALLOWED,
                    http.getMethod() + " is not supported", "method");
        }
    }

    /** RFC 7240: the Prefer header may hold several preferences, in several headers, separated by commas. */
    static boolean prefersMinimal(HttpServletRequest http) {
        for (String header : java.util.Collections.list(http.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                if (preference.trim().replace(" ", "").equalsIgnoreCase("return=minimal")) {
                    return true;
                }
            }
        }
        return false;
    }

    private ResolvedPath writable(Connection connection, StaRequest request, long tenantId) throws SQLException {
        ResolvedPath path = resolver.resolve(connection, request.path(), tenantId);
        if (path.property() != null) {
            throw ApiException.badRequest("write to the entity (PATCH " + path.target().type().setName()
                    + "(id) with {\"" + path.property().name() + "\": ...}), not to one of its properties", "path");
        }
        return path;
    }

    private static void requireSingle(ResolvedPath path) {
        if (!path.target().single()) {
            throw ApiException.badRequest("name one entity, e.g. " + path.target().type().setName() + "(1)", "path");
        }
    }

    /**
     * The entity as the response shows it: read back in the same transaction, or with
     * {@code Prefer: return=minimal} just its id and self link (no query when the id is known).
     */
    private ReadEndpoint.Result readBack(Connection connection, Target target, long tenantId, boolean minimal)
            throws SQLException {
        Projection projection = minimal
                ? new Projection(target.type(), true, true, List.of(), List.of())
                : Projection.of(target.type(), List.of());
        EntityReader.Page page = minimal && target.id() != null
                ? new EntityReader.Page(List.of(EntityRow.of(target.id())), null, false, 1, 0)
                : reader.read(connection, target, tenantId, QueryOptions.NONE, projection, List.of());
        if (page.rows().isEmpty()) {
            throw PathResolver.notFound(target);
        }
        return new ReadEndpoint.Result(new ResolvedPath(Target.entity(target.type(), page.rows().getFirst().id()), null,
                ResourcePath.Suffix.NONE), projection, List.of(), page);
    }

    private void respondCreated(StaRequest request, HttpServletResponse response, ReadEndpoint.Result created)
            throws IOException {
        if (created == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        Target target = created.path().target();
        response.setHeader(HttpHeaders.LOCATION, request.serviceRoot() + "/" + target.type().setName() + "(" + target.id() + ")");
        // before the body: once it is written, the response is committed and its status fixed
        response.setStatus(HttpServletResponse.SC_CREATED);
        reads.write(request, response, created);
    }

    private void respond(StaRequest request, HttpServletResponse response, ReadEndpoint.Result result) throws IOException {
        if (result == null) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        reads.write(request, response, result);
    }

    private static boolean isJsonPatch(HttpServletRequest http) {
        String type = http.getContentType();
        return type != null && MediaType.parseMediaType(type).isCompatibleWith(JSON_PATCH);
    }

    /** The JSON body; a JSON Patch is an array, everything else an object. */
    private JsonNode body(HttpServletRequest http, boolean jsonPatch) throws IOException {
        JsonNode node = json(http, jsonPatch ? "array" : "object");
        if (jsonPatch ? !node.isArray() : !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON " + (jsonPatch ? "array of patch operations" : "object"),
                    "body");
        }
        return node;
    }

    /** The body as JSON of any shape, checked for media type and size; {@code expected} names the shape for errors. */
    JsonNode json(HttpServletRequest http, String expected) throws IOException {
        String type = http.getContentType();
        MediaType mediaType;
        try {
            mediaType = type == null ? null : MediaType.parseMediaType(type);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw ApiException.unsupportedMediaType("Content-Type '" + type + "' is not a media type");
        }
        boolean json = mediaType != null && (mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || (mediaType.getSubtype().endsWith("+json") && mediaType.getType().equals("application")));
        if (!json) {
            throw ApiException.unsupportedMediaType("send the entity as JSON with Content-Type: application/json"
                    + (type == null ? "" : " (got " + type + ")"));
        }
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (bytes.length > maxBodyBytes) {
            throw ApiException.payloadTooLarge("the body is larger than " + maxBodyBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest("the request body is empty; send a JSON " + expected, "body");
        }
        JsonNode node;
        try {
            node = bodyReader.readTree(bytes);
        } catch (JacksonException e) {
            throw JsonErrors.toApiException(e);
        }
        return node;
    }
}
