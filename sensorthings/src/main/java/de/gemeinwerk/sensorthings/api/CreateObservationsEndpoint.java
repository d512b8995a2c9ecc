package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.dataarray.CreateObservationsBody;
import de.gemeinwerk.sensorthings.dataarray.DataArrayInserts;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST CreateObservations} (SensorThings 1.1, Data Array extension): many Observations in one request,
 * stored in one transaction. The response (201) has one string per row, in body order: the self link of the
 * created Observation, or {@code "error"} for a row that was not stored — as the specification's example shows.
 */
@Component
public class CreateObservationsEndpoint {

    static final String PATH = "CreateObservations";
    private static final String ERROR = "error";

    private final Transactions transactions;
    private final WriteEndpoint writes;
    private final ReadEndpoint reads;
    private final Clock clock = Clock.systemUTC();

    public CreateObservationsEndpoint(DataSource dataSource, WriteEndpoint writes, ReadEndpoint reads) {
        this.transactions = new Transactions(dataSource);
        this.writes = writes;
        this.reads = reads;
    }

    void create(Tenant tenant, String serviceRoot, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        JsonNode body = writes.json(http, "array");
        List<CreateObservationsBody.Entry> entries = CreateObservationsBody.parse(tenant.id(), body,
                clock.instant().atOffset(ZoneOffset.UTC));
        List<ObservationInserts.Row> rows = new ArrayList<>();
        for (CreateObservationsBody.Entry entry : entries) {
            if (entry instanceof CreateObservationsBody.Entry.Valid valid) {
                rows.add(valid.row());
            }
        }
        ObservationInserts.Outcome[] outcomes = transactions.write(connection -> DataArrayInserts.insert(connection, rows));
        String selfLinkPrefix = serviceRoot + "/" + EntityType.OBSERVATION.setName() + "(";
        response.setStatus(HttpServletResponse.SC_CREATED);
        reads.respond(response, g -> {
            g.writeStartArray();
            int stored = 0;
            for (CreateObservationsBody.Entry entry : entries) {
                if (entry instanceof CreateObservationsBody.Entry.Valid
                        && outcomes[stored++] instanceof ObservationInserts.Outcome.Inserted inserted) {
                    g.writeString(selfLinkPrefix + inserted.row().id() + ")");
                } else {
                    g.writeString(ERROR);
                }
            }
            g.writeEndArray();
        });
    }
}
