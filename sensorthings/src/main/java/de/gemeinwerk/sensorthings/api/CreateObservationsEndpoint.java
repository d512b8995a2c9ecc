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
import java.sql.Connection;
import java.sql.SQLException;
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
        List<CreateObservationsBody.Entry> entries = entries(tenant, writes.json(http, "array"));
        transactions.write(connection -> store(connection, entries, serviceRoot)).render().send(response);
    }

    /** Each row of the body as a valid Observation or with its error: checked before a connection is taken. */
    List<CreateObservationsBody.Entry> entries(Tenant tenant, JsonNode body) {
        return CreateObservationsBody.parse(tenant.id(), body, clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** Stores the valid rows in the caller's transaction; the reply has a self link or "error" per row. */
    Reply store(Connection connection, List<CreateObservationsBody.Entry> entries, String serviceRoot)
            throws SQLException {
        List<ObservationInserts.Row> rows = new ArrayList<>();
        for (CreateObservationsBody.Entry entry : entries) {
            if (entry instanceof CreateObservationsBody.Entry.Valid valid) {
                rows.add(valid.row());
            }
        }
        ObservationInserts.Outcome[] outcomes = DataArrayInserts.insert(connection, rows);
        String selfLinkPrefix = serviceRoot + "/" + EntityType.OBSERVATION.setName() + "(";
        return new Reply(null, () -> reads.json(HttpServletResponse.SC_CREATED, g -> {
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
        }));
    }
}
