package de.gemeinwerk.sensorthings.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Observations have no tenant_id column (8 bytes × millions of rows): they belong to the tenant of their
 * Datastream or MultiDatastream, whichever of the two they have.
 */
public final class ObservationTenancy {

    private ObservationTenancy() {}

    /** SQL condition that the Observation at {@code alias} belongs to the tenant. */
    public static Sql condition(String alias, Tenancy tenant) {
        Sql ofDatastreams = Sql.concat(alias + ".datastream_id in (select d.id from sta_datastream d where d.tenant_id = ",
                Sql.param(tenant.id()), ")");
        if (!tenant.multiDatastreams()) {
            return ofDatastreams;
        }
        return Sql.concat("(", ofDatastreams, " or " + alias + ".multi_datastream_id in (select m.id from"
                + " sta_multi_datastream m where m.tenant_id = ", Sql.param(tenant.id()), "))");
    }

    /** Whether the tenant has MultiDatastreams (one look-up in the tenant index). */
    public static Tenancy of(Connection connection, long tenantId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select exists (select 1 from sta_multi_datastream where tenant_id = ?)")) {
            statement.setLong(1, tenantId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Tenancy(tenantId, rs.getBoolean(1));
            }
        }
    }
}
