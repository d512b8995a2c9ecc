package de.gemeinwerk.sensorthings.api;

import de.gemeinwerk.sensorthings.sql.Target;

import java.util.function.Supplier;

/**
 * What a request produced inside its transaction, rendered only once the transaction has ended (so no connection
 * waits for JSON to be written, and a batch renders nothing of an atomicity group that was rolled back).
 *
 * @param entity the one entity the request created or addressed (what a batch's {@code $id} refers to), or null
 */
record Reply(Target entity, Supplier<StaResponse> rendering) {

    StaResponse render() {
        return rendering.get();
    }
}
