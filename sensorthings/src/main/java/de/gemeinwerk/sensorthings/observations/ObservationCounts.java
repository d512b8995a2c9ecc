package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Exact Observation counts without counting rows (FROST-Server's $count times out on big tables): each Datastream's
 * count is kept in its row of sta_datastream_extent, which the insert statement updates anyway
 * ({@link ObservationExtents#WIDEN} adds what it inserted); every other change adds its exact delta here. A count is
 * then one row per Datastream.
 */
public final class ObservationCounts {

    private ObservationCounts() {}

    /**
     * Records that {@code delta} Observations were added to (or, negative, removed from) a Datastream. Call it after
     * {@link DatastreamSummaries#recompute} of the same Datastream in the same transaction: that locks the Datastreams
     * FOR UPDATE in id order first, so this row update cannot wait for an insert statement that waits for this
     * transaction.
     */
    public static void add(Connection connection, long datastreamId, long delta) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into sta_datastream_extent as x"
                + " (datastream_id, observation_count) values (?, ?) on conflict (datastream_id)"
                + " do update set observation_count = x.observation_count + excluded.observation_count")) {
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
            sql = "select coalesce(sum(x.observation_count), 0) from sta_datastream_extent x join "
                    + reader.table(EntityType.DATASTREAM, "d") + " on d.id = x.datastream_id where d.tenant_id = ?";
            key = reader.tenantId();
        } else if (target.parentType() == EntityType.DATASTREAM) {
            sql = "select coalesce(sum(observation_count), 0) from sta_datastream_extent where datastream_id = ?";
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
}
