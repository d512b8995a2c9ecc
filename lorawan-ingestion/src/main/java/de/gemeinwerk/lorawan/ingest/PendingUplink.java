package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.quarantine.KeptUplink;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.sensorthings.write.ObservationInserts;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An uplink prepared on the receiver's thread (device looked up, payload decoded, Observations validated), waiting
 * for the writer: either Observations to store or an uplink to keep in the quarantine, and the outcome its receiver
 * waits for.
 *
 * @param kept null when the uplink becomes {@code observations}
 */
record PendingUplink(long tenantId, Uplink uplink, List<ObservationInserts.Row> observations, KeptUplink kept,
                     CompletableFuture<IngestOutcome> result) {

    static PendingUplink stored(long tenantId, Uplink uplink, List<ObservationInserts.Row> observations) {
        return new PendingUplink(tenantId, uplink, observations, null, new CompletableFuture<>());
    }

    static PendingUplink quarantined(long tenantId, Uplink uplink, String reason) {
        return new PendingUplink(tenantId, uplink, List.of(), new KeptUplink(tenantId, uplink, reason),
                new CompletableFuture<>());
    }

    /** The same uplink, kept in the quarantine with {@code reason} instead (its Observations were refused). */
    PendingUplink keptInstead(String reason) {
        return new PendingUplink(tenantId, uplink, List.of(), new KeptUplink(tenantId, uplink, reason), result);
    }

    /** What the receiver is told when the uplink was new. */
    IngestOutcome outcomeIfNew() {
        return kept == null ? IngestOutcome.STORED : IngestOutcome.QUARANTINED;
    }
}
