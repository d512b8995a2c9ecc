package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Property;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.PropertyColumns;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Inserts Observations — the ingest hot path — any number in one statement ({@link ObservationStatement}), which
 * itself checks every row's Datastream (or MultiDatastream) and FeatureOfInterest within the row's tenant. A deep insert stores its
 * one Observation this way; the ingest batcher stores the Observations of many concurrent requests at once.
 * Only the very first Observation of a Location needs more: the generated FeatureOfInterest is created, then the
 * rows waiting for it go through the statement again.
 */
public final class ObservationInserts {

    private static final Property RESULT = EntityType.OBSERVATION.property("result").orElseThrow();
    private static final Property PHENOMENON_TIME = EntityType.OBSERVATION.property("phenomenonTime").orElseThrow();
    private static final Property RESULT_TIME = EntityType.OBSERVATION.property("resultTime").orElseThrow();
    private static final Property PARAMETERS = EntityType.OBSERVATION.property("parameters").orElseThrow();
    private static final Navigation FEATURE = EntityType.OBSERVATION.navigation("FeatureOfInterest").orElseThrow();

    private ObservationInserts() {}

    /**
     * An Observation validated and converted to its columns, not yet checked against the database.
     *
     * @param datastream the Datastream or the MultiDatastream (by its type) the Observation belongs to
     * @param feature the FeatureOfInterest, or null to use the one generated from the Thing's Location
     * @param at      the Observation's place in the body, for errors about it
     */
    public record Row(long tenantId, Ref.Existing datastream, Ref.Existing feature, Pointer at,
                      List<Columns.Column> columns) {

        /** Of a MultiDatastream rather than a Datastream. */
        public boolean multi() {
            return datastream.type() == EntityType.MULTI_DATASTREAM;
        }

        Row withGeneratedFeature(long featureId) {
            return new Row(tenantId, datastream, new Ref.Existing(EntityType.FEATURE_OF_INTEREST, featureId, null), at,
                    columns);
        }
    }

    /** What became of a row: stored (as a read shows it), or rejected with the error for its request. */
    public sealed interface Outcome {

        record Inserted(EntityRow row) implements Outcome {}

        record Rejected(ApiException error) implements Outcome {}
    }

    /** Receives each row's outcome (by its index) as soon as the statement that decided it has returned. */
    @FunctionalInterface
    public interface Settler {
        void settle(int index, Outcome outcome);
    }

    /**
     * A body POSTed to {@code Datastreams(parentId)/Observations} or {@code MultiDatastreams(parentId)/Observations}
     * that links at most an existing FeatureOfInterest, validated exactly as {@link EntityWriter#create} validates it.
     */
    public static Row parse(long tenantId, EntityType parentType, long parentId, JsonNode body, OffsetDateTime now) {
        Navigation toParent = parentType == EntityType.MULTI_DATASTREAM ? ObservationParents.MULTI_DATASTREAM
                : ObservationParents.DATASTREAM;
        EntityBody entity = EntityCreator.withParent(
                new BodyParser(BodyParser.Mode.CREATE, now).parse(EntityType.OBSERVATION, body, Pointer.BODY, null),
                toParent, new Ref.Existing(parentType, parentId, null), "the request path");
        Ref feature = entity.toOne().get(FEATURE);
        if (feature instanceof Ref.New) {
            throw new IllegalArgumentException("an Observation with a new FeatureOfInterest is a deep insert");
        }
        return row(tenantId, (Ref.Existing) ObservationParents.of(entity), (Ref.Existing) feature, entity.at(),
                entity.values());
    }

    /**
     * Observations of several Datastreams that share everything but their result — times, parameters, the generated
     * FeatureOfInterest: what one message of a multi-sensor device yields, one per Datastream. Built from typed values,
     * not from a JSON body: the shared columns are converted once, and {@link #row} converts only each result (as
     * {@link #parse} converts it). JFR had the generic body parser at a sixth of a LoRaWAN webhook request's CPU.
     */
    public static final class Siblings {

        private static final Pointer RESULT_AT = Pointer.BODY.child(RESULT.name());

        private final long tenantId;
        private final List<Columns.Column> shared;
        private final int resultAt;

        /**
         * @param time       phenomenonTime and resultTime of them all
         * @param parameters their parameters (a JSON object), or null
         */
        public Siblings(long tenantId, Instant time, ObjectNode parameters) {
            OffsetDateTime at = time.atOffset(ZoneOffset.UTC); // as the body parser normalises times
            Map<Property, Object> values = new HashMap<>();
            values.put(PHENOMENON_TIME, new PropertyColumns.Time(at, null));
            values.put(RESULT_TIME, at);
            values.put(RESULT, Results.NULL_RESULT);
            values.put(PARAMETERS, parameters);
            this.tenantId = tenantId;
            this.shared = columns(values);
            this.resultAt = shared.indexOf(Columns.of(RESULT, Results.NULL_RESULT).getFirst());
        }

        /** The Observation of this Datastream with this result; 400 (as for a POST) when the result is refused. */
        public Row row(long datastreamId, JsonNode result) {
            List<Columns.Column> columns = new ArrayList<>(shared);
            List<Columns.Column> results = Columns.of(RESULT, Results.of(result, RESULT_AT));
            for (int i = 0; i < results.size(); i++) {
                columns.set(resultAt + i, results.get(i));
            }
            return new Row(tenantId, new Ref.Existing(EntityType.DATASTREAM, datastreamId, null), null, Pointer.BODY,
                    columns);
        }
    }

    private static Row row(long tenantId, Ref.Existing parent, Ref.Existing feature, Pointer at,
                           Map<Property, Object> values) {
        MultiDatastreamRules.checkResultIsArray(parent, values.get(RESULT), at);
        return new Row(tenantId, parent, feature, at, columns(values));
    }

    /** One Observation in the caller's transaction; returns its id or throws the error of its rejection. */
    static long insert(WriteScope scope, Ref.Existing datastream, Ref.Existing feature, Map<Property, Object> values,
                       Pointer at) throws SQLException {
        Outcome[] outcome = new Outcome[1];
        insert(scope.connection(), List.of(row(scope.tenantId(), datastream, feature, at, values)),
                (index, settled) -> outcome[0] = settled);
        return switch (outcome[0]) {
            case Outcome.Inserted inserted -> inserted.row().id();
            case Outcome.Rejected rejected -> throw rejected.error();
        };
    }

    /**
     * Inserts the rows, settling each. In autocommit mode every statement is its own transaction, so a row is
     * settled only once it is committed; an SQLException leaves the rows not yet settled unwritten.
     */
    public static void insert(Connection connection, List<Row> rows, Settler settler) throws SQLException {
        insert(connection, rows, true, settler);
    }

    /**
     * As {@link #insert(Connection, List, Settler)}, but an inserted row is settled with its id alone ({@link
     * EntityRow#of}): for callers that answer without the stored Observations, which spares reading every row back.
     */
    public static void insertIds(Connection connection, List<Row> rows, Settler settler) throws SQLException {
        insert(connection, rows, false, settler);
    }

    private static void insert(Connection connection, List<Row> rows, boolean readBack, Settler settler)
            throws SQLException {
        List<ObservationStatement.Result> results = ObservationStatement.run(connection, rows, readBack);
        List<Integer> waiting = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (needsGeneratedFeature(rows.get(i), results.get(i))) {
                waiting.add(i);
            } else {
                settler.settle(i, outcome(rows.get(i), results.get(i)));
            }
        }
        if (!waiting.isEmpty()) {
            insertWithGeneratedFeatures(connection, rows, results, waiting, readBack, settler);
        }
    }

    private static void insertWithGeneratedFeatures(Connection connection, List<Row> rows,
                                                    List<ObservationStatement.Result> results, List<Integer> waiting,
                                                    boolean readBack, Settler settler) throws SQLException {
        // in Location id order: two writers creating the same FeaturesOfInterest wait for each other's inserts, and
        // with one order for all those waits cannot form a cycle
        SortedSet<Long> locations = new TreeSet<>();
        waiting.forEach(index -> locations.add(results.get(index).locationId()));
        Map<Long, Long> featureOfLocation = new HashMap<>();
        Map<Long, ApiException> deletedLocations = new HashMap<>();
        for (long location : locations) {
            try {
                featureOfLocation.put(location, GeneratedFeatures.ensure(connection, location));
            } catch (ApiException locationDeleted) {
                deletedLocations.put(location, locationDeleted);
            }
        }
        List<Integer> retried = new ArrayList<>();
        List<Row> retriedRows = new ArrayList<>();
        for (int index : waiting) {
            long location = results.get(index).locationId();
            if (deletedLocations.containsKey(location)) {
                settler.settle(index, new Outcome.Rejected(deletedLocations.get(location)));
            } else {
                retried.add(index);
                retriedRows.add(rows.get(index).withGeneratedFeature(featureOfLocation.get(location)));
            }
        }
        List<ObservationStatement.Result> retriedResults = ObservationStatement.run(connection, retriedRows, readBack);
        for (int i = 0; i < retried.size(); i++) {
            settler.settle(retried.get(i), outcome(retriedRows.get(i), retriedResults.get(i)));
        }
    }

    private static boolean needsGeneratedFeature(Row row, ObservationStatement.Result result) {
        return result.datastreamFound() && result.inserted() == null && row.feature() == null
                && result.locationId() != null && result.expectedSize() == null;
    }

    private static Outcome outcome(Row row, ObservationStatement.Result result) {
        if (!result.datastreamFound()) {
            return new Outcome.Rejected(Names.missing(row.datastream().type(), row.datastream().id(), row.datastream().at()));
        }
        if (result.expectedSize() != null) {
            return new Outcome.Rejected(MultiDatastreamRules.wrongSize(result.expectedSize(), result.foundSize(),
                    row.at().child(RESULT.name())));
        }
        if (result.inserted() != null) {
            return new Outcome.Inserted(result.inserted());
        }
        if (row.feature() != null) {
            return new Outcome.Rejected(Names.missing(EntityType.FEATURE_OF_INTEREST, row.feature().id(),
                    row.feature().at()));
        }
        return new Outcome.Rejected(ApiException.badRequest("an Observation needs a FeatureOfInterest; its Thing has no"
                + " Location to derive one from", row.at().where()));
    }

    /** All stored columns, absent values as null, so every row has the same columns and the statement one text. */
    private static List<Columns.Column> columns(Map<Property, Object> values) {
        List<Columns.Column> columns = new ArrayList<>();
        for (Property property : EntityType.OBSERVATION.properties()) {
            columns.addAll(Columns.of(property, values.get(property)));
        }
        return columns;
    }
}
