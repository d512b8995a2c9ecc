package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.api.Transactions;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every receiver's uplinks end here. On the receiver's thread: the device is looked up (cached), the payload decoded
 * if the network server did not, the device provisioned on its first uplink (its own transaction), and the
 * Observations validated; then the {@link UplinkWriter} stores them — or keeps the uplink in the quarantine, for an
 * unknown device or when it cannot become Observations ({@link NotProvisionable}: the reason is kept with it and shown
 * by the admin API, nothing is lost) — together with its deduplication key.
 */
@Component
public class UplinkIngest implements UplinkSink {

    private final DeviceRoutes routes;
    private final PayloadDecoding decoding;
    private final Provisioning provisioning;
    private final UplinkWriter writer;
    private final Transactions transactions;

    public UplinkIngest(DeviceRoutes routes, PayloadDecoding decoding, Provisioning provisioning, UplinkWriter writer,
                        DataSource dataSource) {
        this.routes = routes;
        this.decoding = decoding;
        this.provisioning = provisioning;
        this.writer = writer;
        this.transactions = new Transactions(dataSource);
    }

    @Override
    public CompletableFuture<IngestOutcome> submit(long tenantId, Uplink uplink) {
        try {
            return writer.enqueue(prepare(tenantId, uplink));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof ApiException ? e
                    : ApiException.serviceUnavailable("the database is unavailable; the uplink was not stored, try again"));
        }
    }

    private PendingUplink prepare(long tenantId, Uplink uplink) {
        Optional<DeviceRoute> route = routes.find(tenantId, uplink.devEui());
        if (route.isEmpty()) {
            return PendingUplink.quarantined(tenantId, uplink, null);
        }
        try {
            ObjectNode decoded = decoding.decoded(route.get(), uplink);
            List<MappedDatastream> datastreams = route.get().provisioned() ? route.get().datastreams()
                    : provision(tenantId, uplink);
            if (datastreams == null) {
                return PendingUplink.quarantined(tenantId, uplink, null); // unregistered meanwhile
            }
            return PendingUplink.stored(tenantId, uplink, observations(tenantId, uplink, decoded, datastreams));
        } catch (NotProvisionable e) {
            return PendingUplink.quarantined(tenantId, uplink, e.getMessage());
        }
    }

    /** The Observations of a decoded uplink; {@link NotProvisionable} when SensorThings refuses one of them. */
    List<ObservationInserts.Row> observations(long tenantId, Uplink uplink, ObjectNode decoded,
                                              List<MappedDatastream> datastreams) {
        try {
            return ObservationRows.of(tenantId, uplink, decoded, datastreams);
        } catch (ApiException refused) {
            throw new NotProvisionable("an Observation of the uplink is refused: " + refused.getMessage()
                    + (refused.where() == null ? "" : " (" + refused.where() + ")"));
        }
    }

    private List<MappedDatastream> provision(long tenantId, Uplink uplink) {
        List<MappedDatastream> datastreams = transactions.write(connection ->
                provisioning.provision(connection, tenantId, uplink.devEui(), uplink.location()));
        routes.invalidate(tenantId, uplink.devEui());
        return datastreams;
    }
}
