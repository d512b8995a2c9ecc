package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.sql.GeoResults;
import de.gemeinwerk.sensorthings.sql.ObservationTenancy;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.SelectStatements;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.SqlArray;
import de.gemeinwerk.sensorthings.sql.Statements;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tenant-scoped look-ups and the few JDBC patterns the writer repeats. */
final class Rows {

    private Rows() {}

    /**
     * SQL condition that {@code alias} belongs to the tenant.
     * Observations have no tenant column; they belong to the tenant of their (Multi)Datastream.
     */
    static Sql inTenant(EntityType type, String alias, long tenantId) {
        return type.hasTenantColumn()
                ? Sql.concat(alias + ".tenant_id = ", Sql.param(tenantId))
                : ObservationTenancy.condition(alias, ReadScope.all(tenantId));
    }

    /** The id of the one entity a path addresses (Things(1), Datastreams(1)/Thing, Things(1)/Locations(2)), or 404. */
    static long resolveId(Connection connection, long tenantId, Target target) throws SQLException {
        if (!target.single()) {
            throw ApiException.badRequest("name one entity, e.g. " + target.type().setName() + "(1)", "path");
        }
        Sql select = SelectStatements.page(target, ReadScope.all(tenantId), QueryOptions.NONE,
                new Projection(target.type(), true, false, List.of(), List.of()), GeoResults.NONE, 1, 0);
        List<Long> ids = longs(connection, select);
        if (ids.isEmpty()) {
            throw PathResolver.notFound(target);
        }
        return ids.getFirst();
    }

    /**
     * Checks that the entity exists in the tenant and locks it FOR KEY SHARE, so that it cannot be deleted
     * before this transaction commits its link to it; otherwise {@link Names#missing}.
     */
    static void lockForLink(Connection connection, long tenantId, EntityType type, long id, Pointer at) throws SQLException {
        Sql select = Sql.concat("select e.id from " + type.table() + " e where e.id = ", Sql.param(id), " and ",
                inTenant(type, "e", tenantId), " for key share of e");
        if (longs(connection, select).isEmpty()) {
            throw Names.missing(type, id, at);
        }
    }

    static List<Long> longs(Connection connection, Sql sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement statement = Statements.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    /** The Datastream id {@link #changes} gives an Observation of a MultiDatastream (ids start at 1). */
    private static final long NO_DATASTREAM = 0;

    /** The columns of an Observation (alias e) that {@link #changes} reads: where and when it is. */
    static final String CHANGE_COLUMNS = "coalesce(e.datastream_id, " + NO_DATASTREAM + "), e.phenomenon_time_start,"
            + " e.phenomenon_time_start";

    /** The rows of a statement returning {@link #CHANGE_COLUMNS}, as changes of single Observations. */
    static List<ObservationChange> changes(Connection connection, Sql sql) throws SQLException {
        List<ObservationChange> changes = new ArrayList<>();
        try (PreparedStatement statement = Statements.prepare(connection, sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                changes.add(ObservationChange.read(rs, 1));
            }
        }
        return changes;
    }

    /** The changes of Observations of Datastreams: only those have maintained counts, envelopes and rollups. */
    static List<ObservationChange> ofDatastreams(List<ObservationChange> changes) {
        return changes.stream().filter(change -> change.datastreamId() != NO_DATASTREAM).toList();
    }

    /** Runs an INSERT ... RETURNING id. */
    static long insert(Connection connection, Sql sql) throws SQLException {
        return longs(connection, sql).getFirst();
    }

    static int update(Connection connection, Sql sql) throws SQLException {
        try (PreparedStatement statement = Statements.prepare(connection, sql)) {
            return statement.executeUpdate();
        }
    }

    /** {@code ?::bigint[]} holding the ids. */
    static Sql idArray(List<Long> ids) {
        return Sql.concat(Sql.param(new SqlArray("bigint", ids.toArray())), "::bigint[]");
    }
}
