package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.error.Problem;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.batch.Batch;
import de.gemeinwerk.sensorthings.batch.References;
import de.gemeinwerk.sensorthings.batch.ServiceUrls;
import de.gemeinwerk.sensorthings.batch.SubRequest;
import de.gemeinwerk.sensorthings.batch.SubResponse;
import de.gemeinwerk.sensorthings.batch.UnitResult;
import de.gemeinwerk.sensorthings.dataarray.CreateObservationsBody;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out one batch, unit by unit, in order. A request outside an atomicity group runs exactly as the same
 * request sent alone (its own transaction; a lone Observation in the ingest lane). The requests of an atomicity
 * group run on one connection in one transaction: the first that fails rolls the group back, and every request of
 * the group is answered with an error — its own, or 424 for the others. A request whose dependency failed is not
 * carried out (424, OData 4.01). Each error is the problem+json the request alone would have got.
 */
final class BatchRun {

    private final Tenant tenant;
    private final ReadScope reader;
    private final ServiceUrls urls;
    private final ApiException writeRefusal;
    private final Batch batch;
    private final Transactions transactions;
    private final ReadEndpoint reads;
    private final WriteEndpoint writes;
    private final CreateObservationsEndpoint createObservations;
    private final JsonMapper json;
    /** request id → the entity it created or returned; only for requests that succeeded (so far) */
    private final Map<String, References.Entity> entities = new HashMap<>();
    private final Set<String> failed = new HashSet<>();

    BatchRun(Tenant tenant, ReadScope reader, ServiceUrls urls, ApiException writeRefusal, Batch batch, Transactions transactions,
             ReadEndpoint reads, WriteEndpoint writes, CreateObservationsEndpoint createObservations, JsonMapper json) {
        this.tenant = tenant;
        this.reader = reader;
        this.urls = urls;
        this.writeRefusal = writeRefusal;
        this.batch = batch;
        this.transactions = transactions;
        this.reads = reads;
        this.writes = writes;
        this.createObservations = createObservations;
        this.json = json;
    }

    List<UnitResult> run() {
        List<UnitResult> results = new ArrayList<>();
        for (Batch.Unit unit : batch.units()) {
            results.add(unit.group() == null ? alone(unit) : group(unit));
        }
        return results;
    }

    private UnitResult alone(Batch.Unit unit) {
        int index = unit.indexes().getFirst();
        SubResponse response;
        try {
            response = carryOut(index, null).render();
        } catch (ApiException e) {
            response = failure(index, e);
        }
        return new UnitResult(unit, List.of(response), -1);
    }

    /** Thrown inside the group's transaction to roll it back once a request has failed. */
    private static final class RollBack extends RuntimeException {
        private final int failedAt;
        private final ApiException error;

        RollBack(int failedAt, ApiException error) {
            super(null, null, false, false);
            this.failedAt = failedAt;
            this.error = error;
        }
    }

    private UnitResult group(Batch.Unit unit) {
        List<Integer> indexes = unit.indexes();
        List<Reply> replies = new ArrayList<>();
        try {
            transactions.write(connection -> {
                for (int k = 0; k < indexes.size(); k++) {
                    try {
                        replies.add(carryOut(indexes.get(k), connection));
                    } catch (ApiException e) {
                        throw new RollBack(k, e);
                    }
                }
                return null;
            });
        } catch (RollBack rollBack) {
            return rolledBack(unit, rollBack.failedAt, rollBack.error);
        }
        List<SubResponse> responses = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            try {
                responses.add(replies.get(k).render());
            } catch (ApiException e) {
                responses.add(failure(indexes.get(k), e));
            }
        }
        return new UnitResult(unit, responses, -1);
    }

    /** Every request of the group answers with an error: the culprit its own, the others 424. */
    private UnitResult rolledBack(Batch.Unit unit, int failedAt, ApiException error) {
        SubRequest culprit = batch.requests().get(unit.indexes().get(failedAt));
        List<SubResponse> responses = new ArrayList<>();
        for (int k = 0; k < unit.indexes().size(); k++) {
            int index = unit.indexes().get(k);
            SubRequest request = batch.requests().get(index);
            entities.remove(request.id());
            String what = k < failedAt ? "rolled back" : "not carried out";
            responses.add(failure(index, k == failedAt ? error : new ApiException(HttpStatus.FAILED_DEPENDENCY,
                    what + ": " + name(culprit) + " of atomicity group '" + unit.group() + "' failed, so no request of"
                            + " the group took effect", culprit.where())));
        }
        return new UnitResult(unit, responses, failedAt);
    }

    /** Runs one request, on the group's connection or (null) on its own; registers the entity it stands for. */
    private Reply carryOut(int index, Connection connection) {
        SubRequest request = batch.requests().get(index);
        for (String dependency : batch.dependencies(index)) {
            if (failed.contains(dependency)) {
                throw new ApiException(HttpStatus.FAILED_DEPENDENCY, "not carried out: request '" + dependency
                        + "', which this one depends on, failed", request.where("dependsOn"));
            }
        }
        Reply reply;
        try {
            String url = References.url(request.url(), lookup(index), request.where("url"));
            ServiceUrls.Relative relative = urls.relative(url, request.where("url"));
            if (relative.path().equals("/" + BatchEndpoint.PATH)) {
                throw ApiException.badRequest("a batch cannot contain a batch", request.where("url"));
            }
            if (relative.path().equals("/" + CreateObservationsEndpoint.PATH) && request.method().equals("POST")) {
                reply = createObservations(request, index, connection);
            } else {
                reply = standard(request, index,
                        StaRequest.of(tenant, reader, urls.serviceRoot(), relative.path(), relative.query()), connection);
            }
        } catch (QuerySyntaxException e) {
            throw StaRequest.syntaxError(e);
        } catch (SQLException e) {
            // as Transactions does for a request alone: a value the database refuses is the client's 400
            throw SqlErrors.translate(e, "the request cannot be carried out", "request");
        }
        if (request.id() != null && reply.entity() != null) {
            entities.put(request.id(), new References.Entity(reply.entity().type().setName(), reply.entity().id()));
        }
        return reply;
    }

    /** A request to a resource path: a read, or a write the caller's key must allow. */
    private Reply standard(SubRequest request, int index, StaRequest sta, Connection connection) throws SQLException {
        if (request.reads()) {
            return connection == null ? transactions.read(c -> reads.read(c, sta)) : reads.read(connection, sta);
        }
        requireWrite();
        WriteEndpoint.Change change = writes.change(request.method(), contentType(request), () -> body(request, index),
                WriteEndpoint.prefersMinimal(headerValues(request, "Prefer")));
        return connection == null ? writes.execute(sta, change) : writes.write(connection, sta, change);
    }

    /** {@code POST CreateObservations} (Data Array extension): rows are validated first, then stored together. */
    private Reply createObservations(SubRequest request, int index, Connection connection) throws SQLException {
        requireWrite();
        List<CreateObservationsBody.Entry> entries = createObservations.entries(tenant,
                writes.json(contentType(request), () -> body(request, index), "array"));
        return connection == null
                ? transactions.write(c -> createObservations.store(c, entries, urls.serviceRoot()))
                : createObservations.store(connection, entries, urls.serviceRoot());
    }

    private void requireWrite() {
        if (writeRefusal != null) {
            throw writeRefusal;
        }
    }

    /** What {@code $id} stands for, for request {@code index}. */
    private References.Lookup lookup(int index) {
        SubRequest request = batch.requests().get(index);
        return (id, where) -> {
            if (!batch.mayReference(index, id)) {
                throw ApiException.badRequest("$" + id + " refers to no request this one may reference: an earlier"
                        + " request of its atomicity group (change set), or one named in its dependsOn", where);
            }
            if (failed.contains(id)) {
                throw new ApiException(HttpStatus.FAILED_DEPENDENCY, "not carried out: request '" + id
                        + "', which $" + id + " refers to, failed", where);
            }
            References.Entity entity = entities.get(id);
            if (entity == null) {
                throw ApiException.badRequest("request '" + id + "' created or returned no single entity for $" + id
                        + " to refer to", where);
            }
            return entity;
        };
    }

    private JsonNode body(SubRequest request, int index) {
        JsonNode node = switch (request.body()) {
            case null -> null;
            case SubRequest.Body.Json given -> given.node();
            case SubRequest.Body.Bytes bytes -> writes.parse(bytes.bytes());
        };
        References.body(node, lookup(index), request.where("body") + ": ");
        return node;
    }

    /** A JSON batch carries JSON bodies, so application/json goes without saying there. */
    private static String contentType(SubRequest request) {
        String given = request.header(HttpHeaders.CONTENT_TYPE);
        return given == null && request.body() instanceof SubRequest.Body.Json ? MediaType.APPLICATION_JSON_VALUE : given;
    }

    private static List<String> headerValues(SubRequest request, String name) {
        String value = request.header(name);
        return value == null ? List.of() : List.of(value);
    }

    /** The problem+json the request alone would have been answered with; the request counts as failed. */
    private StaResponse failure(int index, ApiException e) {
        SubRequest request = batch.requests().get(index);
        if (request.id() != null) {
            failed.add(request.id());
        }
        Problem problem = Problem.of(e.status(), e.getMessage(), request.url(), e.where());
        StaResponse response = StaResponse.of(e.status().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsBytes(problem));
        return e.status() == HttpStatus.UNAUTHORIZED
                ? response.withHeader(HttpHeaders.WWW_AUTHENTICATE, Problem.BEARER_CHALLENGE) : response;
    }

    private static String name(SubRequest request) {
        return request.id() != null ? "request '" + request.id() + "'" : request.where();
    }
}
