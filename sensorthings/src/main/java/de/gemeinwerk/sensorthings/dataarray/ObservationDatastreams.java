package de.gemeinwerk.sensorthings.dataarray;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Datastream of each Observation of a page, which the Data Array format groups by. Under
 * {@code Datastreams(n)/Observations} that is n; otherwise one primary-key look-up per row in one statement, in
 * the reading transaction (the page's rows have already been checked to be of the tenant).
 */
public final class ObservationDatastreams {

    private ObservationDatastreams() {}

    public static List<Long> of(Connection connection, Target observations, List<EntityRow> rows) throws SQLException {
        if (observations.parentType() == EntityType.DATASTREAM) {
            return rows.stream().map(row -> observations.parentId()).toList();
        }
        Map<Long, Long> datastreamOf = new HashMap<>();
        Array ids = connection.createArrayOf("bigint", rows.stream().map(EntityRow::id).toArray());
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, datastream_id from sta_observation where id = any(?)")) {
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    datastreamOf.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return rows.stream().map(row -> datastreamOf.get(row.id())).toList();
    }
}
