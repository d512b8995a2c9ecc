package de.gemeinwerk.lorawan.ingest;

/** What became of a submitted uplink. */
public enum IngestOutcome {
    /** A registered device's uplink: its Observations are stored. */
    STORED,
    /** The same uplink (same device and deduplication key) was stored or quarantined before: nothing changed. */
    DUPLICATE,
    /** An unknown device's uplink: kept in the tenant's quarantine until an admin adopts or discards the device. */
    QUARANTINED
}
