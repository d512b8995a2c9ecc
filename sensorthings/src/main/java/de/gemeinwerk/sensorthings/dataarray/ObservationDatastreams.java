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
 * The Datastream or MultiDatastream of each Observation of a page, which the Data Array format groups by. Under
 * {@code Datastreams(n)/Observations} or {@code MultiDatastreams(n)/Observations} that is n; otherwise one
 * primary-key look-up per row in one statement, in the reading transaction (the page's rows have already been
 * checked to be of the tenant).
 */
public final class ObservationDatastreams {

    /** What a group of the Data Array format is the Observations of: a Datastream or a MultiDatastream. */
    public record Group(EntityType type, long id) {}

    private ObservationDatastreams() {}

    public static List<Group> of(Connection connection, Target observations, List<EntityRow> rows) throws SQLException {
        if (observations.parentType() == EntityType.DATASTREAM || observations.parentType() == EntityType.MULTI_DATASTREAM) {
            Group parent = new Group(observations.parentType(), observations.parentId());
            return rows.stream().map(row -> parent).toList();
        }
        Map<Long, Group> groupOf = new HashMap<>();
        Array ids = connection.createArrayOf("bigint", rows.stream().map(EntityRow::id).toArray());
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, datastream_id, multi_datastream_id from sta_observation where id = any(?)")) {
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long datastream = rs.getLong(2);
                    Group group = rs.wasNull() ? new Group(EntityType.MULTI_DATASTREAM, rs.getLong(3))
                            : new Group(EntityType.DATASTREAM, datastream);
                    groupOf.put(rs.getLong(1), group);
                }
            }
        }
        return rows.stream().map(row -> groupOf.get(row.id())).toList();
    }
}
