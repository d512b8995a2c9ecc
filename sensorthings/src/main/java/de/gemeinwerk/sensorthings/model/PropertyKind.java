package de.gemeinwerk.sensorthings.model;

/** How a property is stored and how it behaves in filters, ordering and JSON. */
public enum PropertyKind {
    /** The entity id, {@code @iot.id}. */
    ID,
    /** A text column. */
    TEXT,
    /** Any JSON value in a jsonb column; filters may reach into members ({@code properties/owner}). */
    JSON,
    /** A GeoJSON geometry in a jsonb column, with a bounding box in min_x..max_y. */
    GEOMETRY,
    /** A timestamptz column holding an instant. */
    TIME_INSTANT,
    /** An instant or an interval: start column, and an end column that is null for instants. */
    TIME_INSTANT_OR_INTERVAL,
    /** An interval: start and end columns, both null when absent. */
    TIME_INTERVAL,
    /** A Datastream's phenomenonTime / resultTime: the envelope of its Observations, read from indexes. */
    TIME_ENVELOPE,
    /** Observation.result: typed columns, see the sta_observation table. */
    RESULT
}
