package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Exact Observation counts without counting rows (FROST-Server's $count times out on big tables).
 * Every write that adds or removes Observations inserts a signed delta row for the Datastream in the
 * same transaction — insert-only, so concurrent writers never wait for each other — and {@link #fold}
 * periodically sums each Datastream's deltas into one row. A count is then a sum over a few rows.
 */
public final class ObservationCounts {

    private ObservationCounts() {}

    /** Records that {@code delta} Observations were added to (or, negative, removed from) a Datastream. */
    public static void add(Connection connection, long datastreamId, long delta) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into sta_observation_count (datastream_id, delta) values (?, ?)")) {
            statement.setLong(1, datastreamId);
            statement.setLong(2, delta);
            statement.executeUpdate();
        }
    }

    /**
     * The unfiltered count of the Observations a target addresses, or null when no counter serves it
     * (Observations of a FeatureOfInterest are counted the ordinary way). Those of Datastreams hidden from the reader
     * are not counted; a path's parent Datastream was checked when the path was resolved.
     */
    public static Long count(Connection connection, Target target, ReadScope reader) throws SQLException {
        String sql;
        long key;
        if (target.via() == null) {
            sql = "select coalesce(sum(c.delta), 0) from sta_observation_count c join "
                    + reader.table(EntityType.DATASTREAM, "d") + " on d.id = c.datastream_id where d.tenant_id = ?";
            key = reader.tenantId();
        } else if (target.parentType() == EntityType.DATASTREAM) {
            sql = "select coalesce(sum(delta), 0) from sta_observation_count where datastream_id = ?";
            key = target.parentId();
        } else {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sums all deltas per Datastream into one row each; rows inserted meanwhile are left for next time. */
    public static void fold(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("with folded as (delete from sta_observation_count returning datastream_id, delta)"
                    + " insert into sta_observation_count (datastream_id, delta)"
                    + " select datastream_id, sum(delta) from folded group by datastream_id having sum(delta) <> 0");
        }
    }
}
