package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.sql.GeoResults;

import java.sql.Connection;
import java.sql.SQLException;

/** Decides the geospatial function calls of a filter before its SQL runs. */
public interface GeoEvaluator {

    /** Results for every geospatial call in {@code filter} (evaluated over {@code root} entities). */
    GeoResults prepare(Connection connection, Expr filter, EntityType root, long tenantId) throws SQLException;
}
