package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.sql.GeoResults;

import java.sql.Connection;
import java.sql.SQLException;

/** Decides the geospatial function calls of a filter before its SQL runs. */
public interface GeoEvaluator {

    /**
     * Results for every geospatial call in the $filter and $orderby of {@code options} (evaluated over
     * {@code root} entities); {@code inExpand} when the options are nested in $expand.
     */
    GeoResults prepare(Connection connection, QueryOptions options, EntityType root, long tenantId, boolean inExpand)
            throws SQLException;
}
