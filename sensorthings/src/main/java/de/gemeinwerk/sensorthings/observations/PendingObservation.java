package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.write.ObservationInserts;

import java.util.concurrent.CompletableFuture;

/** An Observation waiting in the batcher, and the result its request waits for. */
record PendingObservation(ObservationInserts.Row row, CompletableFuture<EntityRow> result) {

    PendingObservation(ObservationInserts.Row row) {
        this(row, new CompletableFuture<>());
    }

    void settle(ObservationInserts.Outcome outcome) {
        switch (outcome) {
            case ObservationInserts.Outcome.Inserted inserted -> result.complete(inserted.row());
            case ObservationInserts.Outcome.Rejected rejected -> result.completeExceptionally(rejected.error());
        }
    }

    /** Not settled yet: its row has not been written (nor rejected). */
    boolean open() {
        return !result.isDone();
    }
}
