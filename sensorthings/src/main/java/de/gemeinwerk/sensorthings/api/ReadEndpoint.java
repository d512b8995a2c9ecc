package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.aggregate.ExtensionAnswer;
import de.gemeinwerk.sensorthings.aggregate.Extensions;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.query.path.ResourcePath;
import de.gemeinwerk.sensorthings.read.EntityJson;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.read.ResolvedPath;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.Target;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GET: the service root, collections, entities, single properties, {@code $value} and {@code $ref}, the
 * extensions {@code $aggregate} and {@code $latest} (package {@code aggregate}), and the other result formats
 * ({@link ResultFormatReads}) — alone over HTTP and inside a batch alike.
 * Rows are read inside a read-only snapshot; the response is written after the connection is back in
 * the pool, so a slow client never holds a database connection.
 */
@Component
public class ReadEndpoint {

    private final Transactions transactions;
    private final PathResolver resolver;
    private final EntityReader reader;
    private final Extensions extensions;
    private final ResultFormatReads resultFormats;
    private final JsonMapper json;
    // other modules' conformance classes and settings in the service root (the MQTT extension's)
    private final ObjectProvider<ServerSettingsContribution> serverSettings;

    public ReadEndpoint(DataSource dataSource, PathResolver resolver, EntityReader reader, Extensions extensions,
                        ResultFormatReads resultFormats, JsonMapper json,
                        ObjectProvider<ServerSettingsContribution> serverSettings) {
        this.serverSettings = serverSettings;
        this.transactions = new Transactions(dataSource);
        this.resolver = resolver;
        this.reader = reader;
        this.extensions = extensions;
        this.resultFormats = resultFormats;
        this.json = json;
    }

    void get(StaRequest request, HttpServletResponse response) throws IOException {
        transactions.read(connection -> read(connection, request)).render().send(response);
    }

    /**
     * Reads what the request asks for on the caller's connection and transaction (a read-only snapshot for a GET,
     * an atomicity group's transaction in a batch); the rows are rendered by the returned reply, afterwards.
     */
    Reply read(Connection connection, StaRequest request) throws SQLException {
        if (request.extension() != null) {
            // $aggregate, $latest: answered in formats of their own
            ExtensionAnswer answer = extensions.read(connection, request.extension(), request.path(),
                    request.reader(), request.options(), request.parameters());
            EntityReader.Page page = answer.datastreams();
            String nextLink = page != null && page.more()
                    ? PagingLinks.next(request.requestUrl(), request.rawQuery(), page.top(), page.skip()) : null;
            return new Reply(null, () -> json(HttpServletResponse.SC_OK, g -> answer.write(g, nextLink)));
        }
        if (request.options().resultFormat() != null) {
            // dataArray, CSV, GeoJSON
            return resultFormats.read(connection, request);
        }
        if (request.path() == null) {
            return new Reply(null, () -> json(HttpServletResponse.SC_OK, g -> ServiceRoot.write(g, request.serviceRoot(),
                    serverSettings.orderedStream().toList())));
        }
        ResolvedPath path = resolver.resolve(connection, request.path(), request.reader());
        Projection projection = projection(path, request);
        List<ExpandNode> expand = path.property() != null || path.suffix() == ResourcePath.Suffix.REF
                ? List.of() : ExpandNode.of(path.target().type(), request.options().expand());
        EntityReader.Page page = reader.read(connection, path.target(), request.reader(), request.options(),
                projection, expand);
        return reply(request, HttpServletResponse.SC_OK, new Result(path, projection, expand, page));
    }

    /** What was read, to be written after the transaction. */
    record Result(ResolvedPath path, Projection projection, List<ExpandNode> expand, EntityReader.Page page) {}

    private static Projection projection(ResolvedPath path, StaRequest request) {
        if (path.property() != null) {
            return new Projection(path.target().type(), false, false, List.of(path.property()), List.of());
        }
        if (path.suffix() == ResourcePath.Suffix.REF) {
            return new Projection(path.target().type(), false, true, List.of(), List.of());
        }
        return Projection.of(path.target().type(), request.options().select());
    }

    /**
     * A reply that renders what was read (or written and read back) with the given status. What is missing is a 404
     * here, inside the transaction, so that it fails a batch's atomicity group like any other error.
     */
    Reply reply(StaRequest request, int status, Result result) {
        ResolvedPath path = result.path();
        Target target = path.target();
        if (!target.single()) {
            return new Reply(null, () -> render(request, status, result));
        }
        if (result.page().rows().isEmpty()) {
            throw PathResolver.notFound(target);
        }
        EntityRow row = result.page().rows().getFirst();
        if (path.property() != null && path.suffix() == ResourcePath.Suffix.VALUE && row.value(0) == null) {
            throw ApiException.notFound(path.property().name() + " has no value");
        }
        Target entity = path.property() == null ? Target.entity(target.type(), row.id()) : null;
        return new Reply(entity, () -> render(request, status, result));
    }

    private StaResponse render(StaRequest request, int status, Result result) {
        ResolvedPath path = result.path();
        EntityReader.Page page = result.page();
        if (path.target().single()) {
            EntityRow row = page.rows().getFirst();
            if (path.property() != null) {
                return property(path, row);
            }
            return json(status, g -> EntityJson.writeEntity(g, row, result.projection(), result.expand(),
                    request.serviceRoot()));
        }
        String nextLink = page.more()
                ? PagingLinks.next(request.requestUrl(), request.rawQuery(), page.top(), page.skip()) : null;
        return json(status, g -> EntityJson.writeCollection(g, page, result.projection(), result.expand(),
                request.serviceRoot(), nextLink));
    }

    /** {@code Things(1)/name} → {"name": ...}; with {@code /$value} the bare value as text. */
    private StaResponse property(ResolvedPath path, EntityRow row) {
        Property property = path.property();
        Object value = row.value(0);
        if (path.suffix() != ResourcePath.Suffix.VALUE) {
            return json(HttpServletResponse.SC_OK, g -> {
                g.writeStartObject();
                g.writeName(property.name());
                EntityJson.writeValue(g, property, value);
                g.writeEndObject();
            });
        }
        return StaResponse.of(HttpServletResponse.SC_OK, MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8",
                rawValue(property, value).getBytes(StandardCharsets.UTF_8));
    }

    /** The value's JSON text; a string (also a time) without its quotes and escapes. */
    private String rawValue(Property property, Object value) {
        String text = jsonOf(property, value);
        return text.startsWith("\"") ? json.readTree(text).asString() : text;
    }

    private String jsonOf(Property property, Object value) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator g = json.createGenerator(text)) {
            EntityJson.writeValue(g, property, value);
        }
        return text.toString();
    }

    /** Renders JSON with this status (see {@link StaResponse#json}). */
    StaResponse json(int status, java.util.function.Consumer<JsonGenerator> body) {
        return StaResponse.json(json, status, StaResponse.JSON_TYPE, body);
    }
}
