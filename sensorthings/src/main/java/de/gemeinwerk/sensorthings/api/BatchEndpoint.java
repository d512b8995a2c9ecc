package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.batch.Batch;
import de.gemeinwerk.sensorthings.batch.BatchContentType;
import de.gemeinwerk.sensorthings.batch.JsonBatchReader;
import de.gemeinwerk.sensorthings.batch.JsonBatchWriter;
import de.gemeinwerk.sensorthings.batch.MultipartBatchReader;
import de.gemeinwerk.sensorthings.batch.MultipartBatchWriter;
import de.gemeinwerk.sensorthings.batch.ServiceUrls;
import de.gemeinwerk.sensorthings.batch.SubRequest;
import de.gemeinwerk.sensorthings.batch.UnitResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST $batch} (SensorThings 1.1, 11.2): many requests in one, as a JSON batch (OData 4.01) or a multipart
 * batch (OData 4.0), answered in the same format with 200 and one response per request. The batch is read and
 * checked as a whole first (a malformed batch is one 400); then {@link BatchRun} carries out its requests in order.
 * Setting: {@code gemeinwerk.sensorthings.batch.max-requests} (1000).
 */
@Component
public class BatchEndpoint {

    static final String PATH = "$batch";

    private final Transactions transactions;
    private final ReadEndpoint reads;
    private final WriteEndpoint writes;
    private final CreateObservationsEndpoint createObservations;
    private final JsonMapper json;
    private final int maxRequests;

    public BatchEndpoint(DataSource dataSource, ReadEndpoint reads, WriteEndpoint writes,
                         CreateObservationsEndpoint createObservations, JsonMapper json,
                         @Value("${gemeinwerk.sensorthings.batch.max-requests:1000}") int maxRequests) {
        this.transactions = new Transactions(dataSource);
        this.reads = reads;
        this.writes = writes;
        this.createObservations = createObservations;
        this.json = json;
        this.maxRequests = maxRequests;
    }

    /**
     * @param reader       what the caller may read (every request of the batch reads as the caller)
     * @param serviceRoot  the tenant's service root as links show it
     * @param writeRefusal why this caller may not write (the error each write of the batch is answered with), or
     *                     null when it may
     */
    void handle(Tenant tenant, ReadScope reader, String serviceRoot, ApiException writeRefusal, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        String contentType = http.getContentType();
        BatchContentType format = BatchContentType.of(contentType);
        byte[] body = writes.bytes(http);
        List<SubRequest> requests = switch (format) {
            case JSON -> {
                JsonNode root = writes.parse(body);
                if (root == null) {
                    throw ApiException.badRequest("the batch is empty; send {\"requests\": [...]}", "body");
                }
                yield JsonBatchReader.read(root);
            }
            case MULTIPART -> MultipartBatchReader.read(body, BatchContentType.boundary(contentType, "Content-Type"));
        };
        Batch batch = Batch.of(requests, maxRequests);
        ServiceUrls urls = new ServiceUrls(serviceRoot, StaRequest.serviceRoot(tenant, http, null));
        List<UnitResult> results = new BatchRun(tenant, reader, urls, writeRefusal, batch, transactions, reads, writes,
                createObservations, json).run();
        StaResponse answer = switch (format) {
            case JSON -> reads.json(HttpServletResponse.SC_OK, g -> JsonBatchWriter.write(g, batch.requests(), results));
            case MULTIPART -> {
                String boundary = boundary("batchresponse_");
                yield StaResponse.of(HttpServletResponse.SC_OK, "multipart/mixed; boundary=" + boundary,
                        MultipartBatchWriter.write(batch.requests(), results, boundary,
                                () -> boundary("changesetresponse_")));
            }
        };
        answer.send(response);
    }

    private static String boundary(String prefix) {
        return prefix + UUID.randomUUID();
    }
}
