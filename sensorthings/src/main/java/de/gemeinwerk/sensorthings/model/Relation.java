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

    /**
     * A link table: sta_thing_location(thing_id, location_id) for Thing -> Locations. {@code positionColumn}, when
     * not null, orders the targets of one source (a MultiDatastream's ObservedProperties); otherwise they are a set.
     */
    record LinkTable(String table, String sourceColumn, String targetColumn, String positionColumn) implements Relation {

        public LinkTable(String table, String sourceColumn, String targetColumn) {
            this(table, sourceColumn, targetColumn, null);
        }

        /** The same table seen from the other side: the position orders only the targets of this direction. */
        LinkTable reversed() {
            return new LinkTable(table, targetColumn, sourceColumn, null);
        }
    }
}
