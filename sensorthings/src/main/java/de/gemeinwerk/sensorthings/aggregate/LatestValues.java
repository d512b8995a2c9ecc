package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.read.GeoFilterEvaluator;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Target;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@code $latest} after a path to Datastreams: the latest Observation of each. It is exactly the standard
 * {@code Datastreams?$expand=Observations($top=1;$orderby=phenomenonTime desc)} — the same statements (the page of
 * Datastreams, then their latest Observations' time and result as kept per Datastream, without touching the
 * Observations), the same tenant checks and $filter — answered compactly and with pages of up to
 * {@value #MAX_DATASTREAMS} Datastreams instead of the configured page size.
 */
final class LatestValues {

    static final int MAX_DATASTREAMS = 10_000;

    private static final Projection IDS = new Projection(EntityType.DATASTREAM, true, false, List.of(), List.of());
    private static final List<ExpandNode> LATEST_OBSERVATION = ExpandNode.of(EntityType.DATASTREAM,
            QueryOptionsParser.parse(Map.of("$expand",
                    "Observations($select=id,phenomenonTime,result;$orderby=phenomenonTime desc;$top=1)")).expand());

    private final EntityReader reader = new EntityReader(new GeoFilterEvaluator(),
            // no $count is read here, so its time budget does not matter
            new EntityReader.PageSize(MAX_DATASTREAMS, MAX_DATASTREAMS, 0));

    LatestAnswer read(Connection connection, Target target, ReadScope scope, QueryOptions options) throws SQLException {
        if (target.type() != EntityType.DATASTREAM) {
            throw ApiException.badRequest("$latest follows a path to Datastreams, e.g. Datastreams/$latest or"
                    + " Things(5)/Datastreams/$latest", "path");
        }
        EntityReader.Page page = reader.read(connection, target, scope, options, IDS, LATEST_OBSERVATION);
        if (target.single() && page.rows().isEmpty()) {
            throw PathResolver.notFound(target);
        }
        return new LatestAnswer(page, LATEST_OBSERVATION.getFirst());
    }
}
