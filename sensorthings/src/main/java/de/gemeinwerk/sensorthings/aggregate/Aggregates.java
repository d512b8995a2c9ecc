package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.read.EntityReader;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.read.PathResolver;
import de.gemeinwerk.sensorthings.sql.Projection;
import de.gemeinwerk.sensorthings.sql.ReadScope;
import de.gemeinwerk.sensorthings.sql.Statements;
import de.gemeinwerk.sensorthings.sql.Target;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code $aggregate} after the Observations of one Datastream ({@code Datastreams(1)/Observations/$aggregate}) or
 * after Datastreams ({@code Things(5)/Datastreams/$aggregate}, {@code Datastreams/$aggregate?$filter=...}): the
 * Datastreams are read as a standard page (tenant, $filter, $orderby, $top, $skip, nextLink), then all their
 * buckets come from one statement.
 */
final class Aggregates {

    /** Buckets of all Datastreams of one answer together. */
    static final long MAX_BUCKETS_PER_ANSWER = 100_000;

    private static final Projection IDS = new Projection(EntityType.DATASTREAM, true, false, List.of(), List.of());

    private final EntityReader reader;

    Aggregates(EntityReader reader) {
        this.reader = reader;
    }

    AggregateAnswer read(Connection connection, Target target, ReadScope scope, QueryOptions options,
                         Map<String, String> parameters, Instant now) throws SQLException {
        AggregateParameters aggregate = AggregateParameters.parse(parameters, now);
        if (isObservationsOfOneDatastream(target)) {
            if (options.filter() != null || !options.orderBy().isEmpty() || options.top() != null
                    || options.skip() != null) {
                throw ApiException.badRequest("after Observations, $aggregate takes no $filter, $orderby, $top or"
                        + " $skip; to aggregate several Datastreams, filter those: Datastreams/$aggregate?$filter=...",
                        "path");
            }
            return new AggregateAnswer(aggregate, buckets(connection, new long[] {target.parentId()}, aggregate),
                    false, null);
        }
        if (target.type() != EntityType.DATASTREAM) {
            throw ApiException.badRequest("$aggregate follows the Observations of one Datastream or a path to"
                    + " Datastreams, e.g. Datastreams(1)/Observations/$aggregate or Things(5)/Datastreams/$aggregate",
                    "path");
        }
        EntityReader.Page page = reader.read(connection, target, scope, options, IDS, List.of());
        if (target.single() && page.rows().isEmpty()) {
            throw PathResolver.notFound(target);
        }
        long[] ids = page.rows().stream().mapToLong(EntityRow::id).toArray();
        if (ids.length * aggregate.maxBuckets() > MAX_BUCKETS_PER_ANSWER) {
            throw ApiException.badRequest(ids.length + " Datastreams with up to " + aggregate.maxBuckets()
                    + " buckets each exceed the " + MAX_BUCKETS_PER_ANSWER + " buckets of one answer: choose a smaller"
                    + " $top, a longer interval or a shorter range", "$top");
        }
        return new AggregateAnswer(aggregate, buckets(connection, ids, aggregate), true, page);
    }

    private static boolean isObservationsOfOneDatastream(Target target) {
        return target.type() == EntityType.OBSERVATION && target.id() == null && target.parentType() == EntityType.DATASTREAM;
    }

    private static List<AggregateAnswer.Bucket> buckets(Connection connection, long[] datastreamIds,
                                                        AggregateParameters parameters) throws SQLException {
        List<AggregateAnswer.Bucket> buckets = new ArrayList<>();
        if (datastreamIds.length == 0) {
            return buckets;
        }
        int functions = parameters.functions().size();
        try (PreparedStatement statement = Statements.prepare(connection, AggregateStatement.of(datastreamIds, parameters))) {
            // Planned with the actual range every time: a generic plan (server-side prepared after a few runs) cannot
            // know that a range holds half a million rows and sorts them, spilling to disk, instead of hashing.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            buckets(statement, functions, buckets);
        }
        return buckets;
    }

    private static void buckets(PreparedStatement statement, int functions, List<AggregateAnswer.Bucket> buckets)
            throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                double[] values = new double[functions];
                for (int i = 0; i < functions; i++) {
                    values[i] = rs.getDouble(3 + i);
                }
                buckets.add(new AggregateAnswer.Bucket(rs.getLong(1), rs.getLong(2), values));
            }
        }
    }
}
