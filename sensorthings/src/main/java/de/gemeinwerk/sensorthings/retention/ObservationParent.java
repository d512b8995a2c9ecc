package de.gemeinwerk.sensorthings.retention;

/**
 * What an Observation belongs to — a Datastream or a MultiDatastream (column {@code datastream_id} or
 * {@code multi_datastream_id} of {@code sta_observation}, exactly one set) — as far as deleting old Observations
 * cares: the column that selects them, the table that scopes the parent to a tenant, and how it is named to staff.
 */
public record ObservationParent(Kind kind, long id) {

    public enum Kind {
        DATASTREAM("datastream_id", "sta_datastream", "Datastream", "datastream"),
        MULTI_DATASTREAM("multi_datastream_id", "sta_multi_datastream", "MultiDatastream", "multiDatastream");

        final String column;
        final String table;
        final String entityName;
        /** The member naming one parent in a deletion request (and {@code where} of its problems). */
        final String member;

        Kind(String column, String table, String entityName, String member) {
            this.column = column;
            this.table = table;
            this.entityName = entityName;
            this.member = member;
        }
    }

    public static ObservationParent datastream(long id) {
        return new ObservationParent(Kind.DATASTREAM, id);
    }

    public static ObservationParent multiDatastream(long id) {
        return new ObservationParent(Kind.MULTI_DATASTREAM, id);
    }

    /** "Datastream 7", "MultiDatastream 3": for logs and the command line. */
    @Override
    public String toString() {
        return kind.entityName + " " + id;
    }
}
