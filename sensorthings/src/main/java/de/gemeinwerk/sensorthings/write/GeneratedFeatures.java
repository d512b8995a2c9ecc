package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The FeatureOfInterest of Observations posted without one: generated once per Location from its name,
 * description, encodingType and geometry. Two first Observations at the same time must not create two:
 * generated_from_location_id is unique, and the loser of the race waits for the winner and then uses its row.
 */
final class GeneratedFeatures {

    private GeneratedFeatures() {}

    /** The id of the FeatureOfInterest generated from the Location, creating it if there is none yet. */
    static long ensure(Connection connection, long locationId) throws SQLException {
        List<Long> created = Rows.longs(connection, Sql.concat(
                "insert into sta_feature_of_interest (tenant_id, name, description, encoding_type, feature,"
                        + " generated_from_location_id, min_x, min_y, max_x, max_y)"
                        + " select tenant_id, name, description, encoding_type, location, id, min_x, min_y, max_x, max_y"
                        + " from sta_location where id = ", Sql.param(locationId),
                " on conflict (generated_from_location_id) do nothing returning id"));
        if (!created.isEmpty()) {
            return created.getFirst();
        }
        List<Long> existing = Rows.longs(connection, Sql.concat(
                "select id from sta_feature_of_interest where generated_from_location_id = ", Sql.param(locationId)));
        if (existing.isEmpty()) {
            throw ApiException.conflict("the Location to derive the FeatureOfInterest from was deleted meanwhile; try again");
        }
        return existing.getFirst();
    }
}
