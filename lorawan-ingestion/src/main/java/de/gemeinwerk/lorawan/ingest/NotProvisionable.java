package de.gemeinwerk.lorawan.ingest;

/**
 * A registered device whose uplink cannot become Observations as things stand (no location for its Thing, a
 * decoder that fails, a value SensorThings refuses): the uplink is kept in the quarantine with this reason until an
 * admin fixes the cause and replays it.
 */
public final class NotProvisionable extends RuntimeException {

    public NotProvisionable(String reason) {
        super(reason, null, false, false);
    }
}
