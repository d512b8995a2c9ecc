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
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Target;
import de.gemeinwerk.sensorthings.write.EntityWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * POST (create, also deep and through navigation paths, and $ref links), PATCH (merge or JSON Patch),
 * PUT (replace, or re-link a $ref) and DELETE. Each request is one transaction: acknowledged means
 * committed. A created or changed entity is read back in that transaction and returned, unless the
 * client asks for {@code Prefer: return=minimal}. A batch runs the same code: a request of its own like an HTTP
 * request, the requests of an atomicity group together on the group's connection ({@link #write}).
 */
@Component
public class WriteEndpoint {

    private static final MediaType JSON_PATCH = MediaType.parseMediaType("application/json-patch+json");

    /**
     * A write request as parsed from HTTP or from a batch by the same rules.
     *
     * @param method    POST, PATCH, PUT or DELETE
     * @param body      the JSON body (an array for a JSON Patch, else an object); null for DELETE
     * @param jsonPatch a PATCH with Content-Type application/json-patch+json
     * @param minimal   {@code Prefer: return=minimal}
     */
    record Change(String method, JsonNode body, boolean jsonPatch, boolean minimal) {}

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
        String method = http.getMethod();
        byte[] bytes = method.equals("DELETE") ? null : bytes(http);
        Change change = change(method, http.getContentType(), () -> parse(bytes),
                prefersMinimal(Collections.list(http.getHeaders("Prefer"))));
        execute(request, change).render().send(response);
    }

    /**
     * The write in a transaction of its own: for HTTP, and for a batch request outside an atomicity group. A lone
     * Observation for a Datastream takes the ingest lane (group commit), as over HTTP.
     */
    Reply execute(StaRequest request, Change change) {
        if (change.method().equals("POST") && request.extension() == null) {
            Target observations = ObservationLane.target(request.path(), change.body());
            if (observations != null) {
                return created(request, lane.create(request.tenant().id(), observations, change.body(),
                        change.minimal()));
            }
        }
        return transactions.write(connection -> write(connection, request, change));
    }

    /** The write on the caller's connection and transaction, which commits or rolls back. */
    Reply write(Connection connection, StaRequest request, Change change) throws SQLException {
        if (request.path() == null) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "the service root can only be read", "path");
        }
        if (request.extension() != null) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, request.extension().segment() + " is read-only",
                    "path");
        }
        long tenantId = request.tenant().id();
        JsonNode body = change.body();
        Target observations = change.method().equals("POST") ? ObservationLane.target(request.path(), body) : null;
        if (observations != null) {
            // what the ingest lane stores alone, stored here in the caller's transaction by the same statement
            return created(request, lane.create(connection, tenantId, observations, body, change.minimal()));
        }
        ResolvedPath path = writable(connection, request, tenantId);
        boolean ref = path.suffix() == ResourcePath.Suffix.REF;
        switch (change.method()) {
            case "POST" -> {
                if (ref) {
                    writer.addLink(connection, tenantId, path.target(), body);
                    return noContent();
                }
                if (path.target().single()) {
                    throw ApiException.badRequest("POST creates an entity in a collection such as "
                            + path.target().type().setName() + "; to change one, use PATCH or PUT", "path");
                }
                EntityWriter.Created entity = writer.create(connection, tenantId, path.target(), body);
                return created(request, readBack(connection, Target.entity(entity.type(), entity.id()), tenantId,
                        change.minimal()));
            }
            case "PATCH", "PUT" -> {
                boolean patch = change.method().equals("PATCH");
                if (ref) {
                    if (patch) {
                        throw ApiException.badRequest("change a link with PUT .../$ref", "path");
                    }
                    writer.setLink(connection, tenantId, path.target(), body);
                    return noContent();
                }
                requireSingle(path);
                if (change.jsonPatch()) {
                    writer.jsonPatch(connection, tenantId, path.target(), body);
                } else if (patch) {
                    writer.update(connection, tenantId, path.target(), body);
                } else {
                    writer.replace(connection, tenantId, path.target(), body);
                }
                return reads.reply(request, HttpServletResponse.SC_OK,
                        readBack(connection, path.target(), tenantId, change.minimal()));
            }
            case "DELETE" -> {
                if (ref) {
                    writer.removeLink(connection, tenantId, path.target());
                } else {
                    requireSingle(path);
                    writer.delete(connection, tenantId, path.target());
                }
                return new Reply(null, () -> StaResponse.empty(HttpServletResponse.SC_OK));
            }
            default -> throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, change.method() + " is not supported",
                    "method");
        }
    }

    /**
     * Checks what a write request carries, for HTTP and batch alike: the media type, then the body (parsed only
     * once the media type is right) and its shape (a JSON Patch is an array, everything else an object).
     */
    Change change(String method, String contentType, Supplier<JsonNode> parsedBody, boolean minimal) {
        if (method.equals("DELETE")) {
            return new Change(method, null, false, minimal);
        }
        MediaType mediaType = jsonMediaType(contentType);
        boolean jsonPatch = method.equals("PATCH") && mediaType.isCompatibleWith(JSON_PATCH);
        JsonNode body = present(parsedBody.get(), jsonPatch ? "array" : "object");
        if (jsonPatch ? !body.isArray() : !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON " + (jsonPatch ? "array of patch operations" : "object"),
                    "body");
        }
        return new Change(method, body, jsonPatch, minimal);
    }

    /** RFC 7240: the Prefer header may hold several preferences, in several headers, separated by commas. */
    static boolean prefersMinimal(List<String> preferHeaders) {
        for (String header : preferHeaders) {
            for (String preference : header.split(",")) {
                if (preference.trim().replace(" ", "").equalsIgnoreCase("return=minimal")) {
                    return true;
                }
            }
        }
        return false;
    }

    private ResolvedPath writable(Connection connection, StaRequest request, long tenantId) throws SQLException {
        // writes need a key of the tenant, whose holders see its private entities
        ResolvedPath path = resolver.resolve(connection, request.path(), ReadScope.all(tenantId));
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
                : reader.read(connection, target, ReadScope.all(tenantId), QueryOptions.NONE, projection, List.of());
        if (page.rows().isEmpty()) {
            throw PathResolver.notFound(target);
        }
        return new ReadEndpoint.Result(new ResolvedPath(Target.entity(target.type(), page.rows().getFirst().id()), null,
                ResourcePath.Suffix.NONE), projection, List.of(), page);
    }

    /** 201 with the entity and its URL in Location. */
    private Reply created(StaRequest request, ReadEndpoint.Result created) {
        Reply reply = reads.reply(request, HttpServletResponse.SC_CREATED, created);
        Target target = reply.entity();
        String location = request.serviceRoot() + "/" + target.type().setName() + "(" + target.id() + ")";
        return new Reply(target, () -> reply.render().withHeader(HttpHeaders.LOCATION, location));
    }

    private static Reply noContent() {
        return new Reply(null, () -> StaResponse.empty(HttpServletResponse.SC_NO_CONTENT));
    }

    private static MediaType jsonMediaType(String type) {
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
        return mediaType;
    }

    /** The body as JSON of any shape, checked for media type and size; {@code expected} names the shape for errors. */
    JsonNode json(HttpServletRequest http, String expected) throws IOException {
        byte[] bytes = bytes(http);
        return json(http.getContentType(), () -> parse(bytes), expected);
    }

    /** The body as JSON of any shape, parsed only once the media type is right. */
    JsonNode json(String contentType, Supplier<JsonNode> parsedBody, String expected) {
        jsonMediaType(contentType);
        return present(parsedBody.get(), expected);
    }

    private static JsonNode present(JsonNode body, String expected) {
        if (body == null) {
            throw ApiException.badRequest("the request body is empty; send a JSON " + expected, "body");
        }
        return body;
    }

    /** The request body, refused beyond {@code gemeinwerk.sensorthings.max-body-bytes}. */
    byte[] bytes(HttpServletRequest http) throws IOException {
        byte[] bytes;
        try (InputStream in = http.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        }
        if (bytes.length > maxBodyBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + maxBodyBytes + " bytes",
                    "body");
        }
        return bytes;
    }

    /** The bytes as JSON (duplicate names refused); null when there are none. */
    JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return bodyReader.readTree(bytes);
        } catch (JacksonException e) {
            throw JsonErrors.toApiException(e);
        }
    }
}
