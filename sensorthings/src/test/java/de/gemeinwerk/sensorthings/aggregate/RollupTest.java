package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.DatastreamSummaries;
import de.gemeinwerk.sensorthings.observations.ObservationChange;
import de.gemeinwerk.sensorthings.observations.ObservationCounts;
import de.gemeinwerk.sensorthings.sql.Sql;
import de.gemeinwerk.sensorthings.sql.Statements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly rollup behind {@code $aggregate}: whatever happens to the Observations — inserts of all kinds,
 * concurrent ones into the same hour, deletes, moves, new times, new results, deletes up to a time — it holds exactly
 * what the Observations say, and aggregates read from it equal aggregates read from the Observations alone.
 */
@SensorThingsTest
class RollupTest {

    private static final Instant START = Instant.parse("2024-03-28T00:00:00Z");
    private static final List<String> INTERVALS = List.of("hour", "day", "week", "month", "year", "PT2H", "PT6H", "P1D",
            "P2DT12H", "PT90M", "PT15M", "PT1S");

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private StaClient sta;
    private SummaryTruth truth;
    private long datastream;
    private long other;
    private final Random random = new Random(20261122);

    @BeforeEach
    void twoDatastreams() {
        sta = StaClient.newTenant(port, tenants, keys, "rollup");
        truth = new SummaryTruth(dataSource);
        long[] ids = new ExtensionData(sta).thingWithDatastreams(2);
        datastream = ids[1];
        other = ids[2];
    }

    @Test
    void aggregatesFromTheRollupEqualAggregatesFromTheObservations() throws SQLException {
        insertRandom(datastream, 3000, 40);
        insertRandom(other, 500, 40);
        truth.assertExact(datastream, other);
        assertAggregatesAgree(300);
    }

    @Test
    void deletesMovesNewTimesAndNewResultsKeepItExact() throws SQLException {
        List<Long> ids = insertRandom(datastream, 400, 5);
        insertRandom(other, 100, 5);
        for (int i = 0; i < 20; i++) {
            long id = ids.get(random.nextInt(ids.size()));
            switch (i % 5) {
                case 0 -> {
                    ids.remove(id);
                    assertThat(sta.send("DELETE", "Observations(" + id + ")", null).statusCode()).isEqualTo(200);
                }
                case 1 -> patch(id, "{\"phenomenonTime\": \"" + randomTime(5) + "\"}");
                case 2 -> patch(id, "{\"result\": " + (random.nextBoolean() ? "\"gestört\"" : quarter()) + "}");
                case 3 -> patch(id, "{\"Datastream\": {\"@iot.id\": " + other + "}}");
                default -> patch(id, "{\"result\": " + quarter() + ", \"phenomenonTime\": \"" + randomTime(5)
                        + "\", \"Datastream\": {\"@iot.id\": " + (random.nextBoolean() ? other : datastream) + "}}");
            }
            truth.assertExact(datastream, other);
        }
        assertAggregatesAgree(100);
    }

    @Test
    void deletingAFeatureOfInterestTakesItsObservationsOutOfEveryHour() throws SQLException {
        insertRandom(datastream, 200, 3);
        long feature = sta.create("FeaturesOfInterest", """
                {"name": "Brücke", "description": "d", "encodingType": "application/geo+json",
                 "feature": {"type": "Point", "coordinates": [9.6, 51.4]}}""");
        for (int i = 0; i < 30; i++) {
            sta.create("Datastreams(" + (i % 2 == 0 ? datastream : other) + ")/Observations", "{\"phenomenonTime\": \""
                    + randomTime(3) + "\", \"result\": " + quarter() + ", \"FeatureOfInterest\": {\"@iot.id\": " + feature + "}}");
        }
        truth.assertExact(datastream, other);
        assertThat(sta.send("DELETE", "FeaturesOfInterest(" + feature + ")", null).statusCode()).isEqualTo(200);
        truth.assertExact(datastream, other);
        assertAggregatesAgree(50);
    }

    @Test
    void deletingADatastreamOrItsThingDeletesItsRollup() throws SQLException {
        insertRandom(datastream, 100, 3);
        insertRandom(other, 100, 3);
        assertThat(sta.send("DELETE", "Datastreams(" + other + ")", null).statusCode()).isEqualTo(200);
        assertThat(truth.rollup(other)).isEmpty();
        assertThat(truth.rollup(datastream)).isNotEmpty();
        long thing = sta.get("Datastreams(" + datastream + ")/Thing").get("@iot.id").asLong();
        assertThat(sta.send("DELETE", "Things(" + thing + ")", null).statusCode()).isEqualTo(200);
        assertThat(truth.rollup(datastream)).isEmpty();
    }

    @Test
    void concurrentMovesBetweenTwoDatastreamsAllSucceedAndStayExact() throws Exception {
        List<Long> ids = insertRandom(datastream, 40, 2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> moves = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            moves.add(pool.submit(() -> {
                int ok = 0;
                for (int i = first; i < ids.size(); i += 4) {
                    long to = i % 3 == 0 ? datastream : other;
                    ok += sta.send("PATCH", "Observations(" + ids.get(i) + ")",
                            "{\"Datastream\": {\"@iot.id\": " + to + "}}").statusCode() == 200 ? 1 : 0;
                }
                return ok;
            }));
        }
        int succeeded = 0;
        for (Future<Integer> move : moves) {
            succeeded += move.get();
        }
        pool.shutdown();
        assertThat(succeeded).as("no move failed, e.g. by a deadlock").isEqualTo(ids.size());
        truth.assertExact(datastream, other);
    }

    @Test
    void concurrentWritersIntoTheSameHourAllCount() throws Exception {
        Instant hour = Instant.parse("2024-05-01T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                for (int r = 0; r < 5; r++) {
                    List<String[]> rows = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        rows.add(new String[] {hour.plusSeconds(i * 30L).toString(), "0.25"});
                    }
                    createObservations(datastream, rows);
                }
                return null;
            }));
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    sta.create("Datastreams(" + datastream + ")/Observations",
                            "{\"phenomenonTime\": \"" + hour.plusSeconds(i * 60L) + "\", \"result\": 1}");
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        assertThat(truth.rollup(datastream)).containsExactly(
                datastream + " | " + hour.getEpochSecond() + " | 2100 | 600 | 0.25 | 1");
        truth.assertExact(datastream);
    }

    @Test
    void deletingEverythingUpToATimeInChunksOnlyTouchesTheHourOfThatTime() throws SQLException {
        insertRandom(datastream, 1000, 10);
        Instant until = START.plus(6, ChronoUnit.DAYS).plusSeconds(1234);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            while (true) {
                // oldest first, as retention does: each chunk reports the latest time it deleted
                DeletedChunk deleted = deleteOldest(connection, datastream, until, 150);
                if (deleted == null) {
                    break;
                }
                DatastreamSummaries.recompute(connection, List.of(ObservationChange.upTo(datastream, deleted.upTo())));
                ObservationCounts.add(connection, datastream, -deleted.count());
                connection.commit();
                truth.assertExact(datastream);
            }
        }
        long firstHour = Long.parseLong(truth.rollup(datastream).getFirst().split(" \\| ")[1]);
        assertThat(firstHour).isGreaterThanOrEqualTo(until.truncatedTo(ChronoUnit.HOURS).getEpochSecond());
        assertAggregatesAgree(50);
    }

    /** The latest phenomenonTime start a chunk deleted, and how many Observations it deleted. */
    private record DeletedChunk(Instant upTo, long count) {}

    private DeletedChunk deleteOldest(Connection connection, long datastreamId, Instant until, int chunk)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                with gone as (delete from sta_observation where id in (select id from sta_observation
                    where datastream_id = ? and phenomenon_time_start < ? order by phenomenon_time_start, id limit ?)
                    returning phenomenon_time_start)
                select max(phenomenon_time_start), count(*) from gone""")) {
            statement.setLong(1, datastreamId);
            statement.setObject(2, until.atOffset(java.time.ZoneOffset.UTC));
            statement.setInt(3, chunk);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                java.time.OffsetDateTime last = rs.getObject(1, java.time.OffsetDateTime.class);
                return last == null ? null : new DeletedChunk(last.toInstant(), rs.getLong(2));
            }
        }
    }

    /** Random parameter sets: the statement over rollup and Observations gives exactly the Observations' answer. */
    private void assertAggregatesAgree(int samples) throws SQLException {
        long[] both = {datastream, other};
        int fromRollup = 0;
        for (int i = 0; i < samples; i++) {
            String interval = INTERVALS.get(random.nextInt(INTERVALS.size()));
            Instant from = randomBound(-1);
            Instant to = randomBound(45);
            if (!from.isBefore(to)) {
                continue;
            }
            Map<String, String> query = new HashMap<>(Map.of("interval", interval, "from", from.toString(), "to",
                    to.toString()));
            AggregateParameters parameters;
            try {
                parameters = AggregateParameters.parse(query, Instant.now());
            } catch (RuntimeException tooManyBuckets) {
                continue;
            }
            Sql statement = AggregateStatement.of(both, parameters);
            fromRollup += statement.text().contains("sta_observation_hourly") ? 1 : 0;
            assertThat(rows(statement)).as(query.toString())
                    .isEqualTo(rows(AggregateStatement.fromObservations(both, parameters)));
        }
        assertThat(fromRollup).as("answers read from the rollup").isGreaterThan(samples / 4);
    }

    /** A range bound: often on the hour, sometimes on the day, otherwise anywhere. */
    private Instant randomBound(int fromDay) {
        Instant time = START.plus(fromDay + random.nextInt(12), ChronoUnit.DAYS);
        return switch (random.nextInt(3)) {
            case 0 -> time;
            case 1 -> time.plus(random.nextInt(24), ChronoUnit.HOURS);
            default -> time.plusSeconds(random.nextInt(86_400));
        };
    }

    private List<String> rows(Sql sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = Statements.prepare(connection, sql);
             ResultSet rs = statement.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    // counts come as bigint from the Observations and as numeric from the rollup: compare values
                    row.append(i > 1 ? " | " : "").append(rs.getDouble(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    /** {@code count} Observations at random times within {@code days} days, some of them not numbers. */
    private List<Long> insertRandom(long datastreamId, int count, int days) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new String[] {randomTime(days), random.nextInt(10) == 0 ? "\"n/a\"" : quarter()});
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            ids.addAll(createObservations(datastreamId, rows.subList(i, Math.min(rows.size(), i + 1000))));
        }
        return ids;
    }

    /** A time within {@code days} days of the start: one in ten on a full hour, the others anywhere, to the millisecond. */
    private String randomTime(int days) {
        long hours = random.nextInt(days * 24);
        Instant time = START.plus(hours, ChronoUnit.HOURS);
        return (random.nextInt(10) == 0 ? time : time.plusMillis(random.nextInt(3_600_000))).toString();
    }

    private String quarter() {
        return Double.toString((random.nextInt(4000) - 2000) / 4.0);
    }

    private void patch(long observation, String body) {
        assertThat(sta.send("PATCH", "Observations(" + observation + ")", body).statusCode()).as(body).isEqualTo(200);
    }

    private List<Long> createObservations(long datastreamId, List<String[]> rows) {
        StringBuilder array = new StringBuilder();
        for (String[] row : rows) {
            array.append(array.isEmpty() ? "" : ",").append("[\"").append(row[0]).append("\",").append(row[1]).append(']');
        }
        var response = sta.send("POST", "CreateObservations", """
                [{"Datastream": {"@iot.id": %d}, "components": ["phenomenonTime", "result"], "dataArray": [%s]}]"""
                .formatted(datastreamId, array));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<Long> ids = new ArrayList<>();
        for (JsonNode link : StaClient.json(response.body())) {
            String text = link.asString();
            ids.add(Long.parseLong(text.substring(text.lastIndexOf('(') + 1, text.length() - 1)));
        }
        return ids;
    }
}
