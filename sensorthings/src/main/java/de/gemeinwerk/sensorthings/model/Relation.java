package de.gemeinwerk.sensorthings.model;

/**
 * How two entity tables are joined. Written from the point of view of a navigation property
 * {@code source -> target} (e.g. Thing -> Datastreams).
 */
public sealed interface Relation {

    /** The source row holds the target's id: Datastream.thing_id for Datastream -> Thing. */
    record SourceColumn(String column) implements Relation {}

    /** The target rows hold the source's id: Datastream.thing_id for Thing -> Datastreams. */
    record TargetColumn(String column) implements Relation {}

    /** A link table: sta_thing_location(thing_id, location_id) for Thing -> Locations. */
    record LinkTable(String table, String sourceColumn, String targetColumn) implements Relation {}
}
