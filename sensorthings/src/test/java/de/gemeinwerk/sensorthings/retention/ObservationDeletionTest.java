package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Deleting old Observations over the admin HTTP API and chunk by chunk: exact counts and times, readers, tenants. */
@SensorThingsTest
class ObservationDeletionTest {

    private static final String PATH = "/admin/v1/observation-deletions";

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    private RetentionFixture fixture() {
        return RetentionFixture.create(StaClient.newTenant(port, tenants, keys, "retention"));
    }

    private static HttpResponse<String> delete(StaClient client, String body) {
        return client.http().sendJson("POST", "/" + client.tenant().slug() + PATH, body, client.key());
    }

    @Test
    void deletesExactlyWhatPhenomenonTimeLtFindsAndKeepsCountsAndTimesExact() {
        RetentionFixture fixture = fixture();
        StaClient client = fixture.client();
        long pegel = fixture.datastreams().get(0);
        long other = fixture.datastreams().get(1);
        fixture.observations(pegel, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z",
                "2026-01-03T12:00:00Z/2026-01-10T00:00:00Z", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z");
        fixture.observations(other, "2026-01-01T00:00:00Z");
        String preview = "Datastreams(" + pegel + ")/Observations?$filter=phenomenonTime lt 2026-01-04T00:00:00Z&$count=true";
        assertThat(client.get(preview).get("@iot.count").asLong()).isEqualTo(3);

        HttpResponse<String> response = delete(client, "{\"olderThan\": \"2026-01-04\", \"datastream\": " + pegel + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StaClient.json(response.body())).isEqualTo(StaClient.json("""
                {"olderThan": "2026-01-04T00:00:00Z", "deleted": 3, "datastreams": [{"datastream": %d, "deleted": 3}],
                 "multiDatastreams": []}"""
                .formatted(pegel)));
        assertThat(client.get(preview).get("@iot.count").asLong()).isZero();
        assertThat(fixture.count(pegel)).isEqualTo(3);
        // the interval begins before the cutoff but ends after it, so it stays, and so does the envelope's start
        assertThat(fixture.phenomenonTime(pegel)).isEqualTo("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z");
        assertThat(client.get("Observations?$count=true&$top=0").get("@iot.count").asLong()).isEqualTo(4);
        assertThat(fixture.count(other)).isEqualTo(1);
    }

    @Test
    void deletesAMultiDatastreamsOldObservationsAndNothingElse() {
        RetentionFixture fixture = fixture();
        StaClient client = fixture.client();
        long multi = fixture.multiDatastream();
        long datastream = fixture.datastreams().get(0);
        fixture.multiObservations("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z",
                "2026-01-03T12:00:00Z/2026-01-10T00:00:00Z", "2026-01-05T00:00:00Z");
        fixture.observations(datastream, "2026-01-01T00:00:00Z");

        HttpResponse<String> response = delete(client, "{\"olderThan\": \"2026-01-04\", \"multiDatastream\": " + multi + "}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(StaClient.json(response.body())).isEqualTo(StaClient.json("""
                {"olderThan": "2026-01-04T00:00:00Z", "deleted": 2, "datastreams": [],
                 "multiDatastreams": [{"multiDatastream": %d, "deleted": 2}]}""".formatted(multi)));
        assertThat(fixture.multiCount()).isEqualTo(2);
        assertThat(client.get("MultiDatastreams(" + multi + ")/Observations?$orderby=phenomenonTime&$top=1")
                .at("/value/0/result/0").asInt()).isEqualTo(3);
        // the interval begins before the cutoff but ends after it, so it stays, and so does the envelope's start
        assertThat(fixture.multiPhenomenonTime()).isEqualTo("2026-01-03T12:00:00Z/2026-01-10T00:00:00Z");
        assertThat(fixture.count(datastream)).isEqualTo(1);
    }

    @Test
    void deletesInAllOfTheTenantsDatastreamsAndOnlyThere() {
        RetentionFixture fixture = fixture();
        RetentionFixture neighbour = fixture();
        List<Long> ids = fixture.datastreams();
        fixture.observations(ids.get(0), "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z", "2026-06-01T00:00:00Z");
        fixture.observations(ids.get(2), "2025-06-01T00:00:00Z");
        fixture.multiObservations("2025-06-01T00:00:00Z", "2025-07-01T00:00:00Z", "2025-08-01T00:00:00Z",
                "2026-06-01T00:00:00Z");
        neighbour.observations(neighbour.datastreams().get(0), "2025-06-01T00:00:00Z");
        neighbour.multiObservations("2025-06-01T00:00:00Z");

        HttpResponse<String> response = delete(fixture.client(), "{\"olderThan\": \"2026-01-01T00:00:00+01:00\"}");

        assertThat(StaClient.json(response.body())).isEqualTo(StaClient.json("""
                {"olderThan": "2025-12-31T23:00:00Z", "deleted": 6,
                 "datastreams": [{"datastream": %d, "deleted": 2}, {"datastream": %d, "deleted": 1}],
                 "multiDatastreams": [{"multiDatastream": %d, "deleted": 3}]}"""
                .formatted(ids.get(0), ids.get(2), fixture.multiDatastream())));
        assertThat(fixture.phenomenonTime(ids.get(0))).isEqualTo("2026-06-01T00:00:00Z/2026-06-01T00:00:00Z");
        assertThat(fixture.phenomenonTime(ids.get(2))).isNull();
        assertThat(fixture.multiCount()).isEqualTo(1);
        assertThat(fixture.multiPhenomenonTime()).isEqualTo("2026-06-01T00:00:00Z/2026-06-01T00:00:00Z");
        assertThat(neighbour.count(neighbour.datastreams().get(0))).isEqualTo(1);
        assertThat(neighbour.multiCount()).isEqualTo(1);
    }

    @Test
    void refusesBadInputAndOtherTenants() {
        RetentionFixture fixture = fixture();
        RetentionFixture neighbour = fixture();
        StaClient client = fixture.client();
        String instance = "/" + client.tenant().slug() + PATH;
        long foreign = neighbour.datastreams().get(0);
        neighbour.observations(foreign, "2025-01-01T00:00:00Z");

        assertThat(assertProblem(delete(client, "{\"olderThan\": \"gestern\"}"), 400, instance).get("where").asString())
                .isEqualTo("olderThan");
        assertThat(assertProblem(delete(client, "{\"olderThan\": \"2025-01-01T00:00:00\"}"), 400, instance)
                .get("where").asString()).isEqualTo("olderThan");
        assertThat(assertProblem(delete(client, "{\"olderThan\": \"" + Instant.now().plusSeconds(3600) + "\"}"), 400,
                instance).get("detail").asString()).contains("future");
        assertThat(assertProblem(delete(client, "{}"), 400, instance).get("where").asString()).isEqualTo("olderThan");
        assertProblem(delete(client, "{\"olderThan\": \"2026-01-01\", \"datenstrom\": 1}"), 400, instance);
        assertThat(assertProblem(delete(client, "{\"olderThan\": \"2026-01-01\", \"datastream\": " + foreign + "}"), 404,
                instance).get("where").asString()).isEqualTo("datastream");
        long foreignMulti = neighbour.multiDatastream();
        neighbour.multiObservations("2025-01-01T00:00:00Z");
        assertThat(assertProblem(delete(client, "{\"olderThan\": \"2026-01-01\", \"multiDatastream\": " + foreignMulti
                + "}"), 404, instance).get("where").asString()).isEqualTo("multiDatastream");
        fixture.multiObservations("2025-01-01T00:00:00Z");
        assertThat(assertProblem(delete(client, "{\"olderThan\": \"2026-01-01\", \"datastream\": "
                + fixture.datastreams().get(0) + ", \"multiDatastream\": " + fixture.multiDatastream() + "}"), 400,
                instance).get("where").asString()).isEqualTo("multiDatastream");
        assertThat(fixture.multiCount()).isEqualTo(1);

        // the neighbour's admin key and this tenant's write key may not delete here
        assertProblem(delete(client.withKey(neighbour.client().key()), "{\"olderThan\": \"2026-01-01\"}"), 403, instance);
        String writeKey = keys.create(client.tenant().id(), "writer", Role.WRITE).key();
        assertProblem(delete(client.withKey(writeKey), "{\"olderThan\": \"2026-01-01\"}"), 403, instance);
        assertThat(neighbour.count(foreign)).isEqualTo(1);
        assertThat(neighbour.multiCount()).isEqualTo(1);
    }

    @Test
    void deletesChunkByChunkInTransactionsOfTheirOwnWhileReadersGoOn() throws Exception {
        RetentionFixture fixture = fixture();
        long datastream = fixture.datastreams().get(0);
        fixture.minutes(datastream, "2025-01-01T00:00:00Z", 35);
        fixture.observations(datastream, "2026-01-01T00:00:00Z");
        ObservationPurge purge = new ObservationPurge(dataSource, 10);
        List<Long> chunks = new ArrayList<>();
        List<Long> committedCounts = new ArrayList<>();

        try (Connection reader = dataSource.getConnection()) {
            // a reader in the middle of a long snapshot neither waits for the deletion nor holds it up
            reader.setAutoCommit(false);
            reader.createStatement().execute("set transaction isolation level repeatable read");
            assertThat(count(reader, datastream)).isEqualTo(36);

            Instant cutoff = Instant.parse("2025-12-01T00:00:00Z");
            long deleted = purge.deleteBefore(ObservationParent.datastream(datastream), cutoff, (parent, inChunk) -> {
                chunks.add(inChunk);
                try (Connection other = dataSource.getConnection()) {
                    committedCounts.add(count(other, datastream));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(deleted).isEqualTo(35);
            assertThat(count(reader, datastream)).isEqualTo(36);
            reader.commit();
        }
        // every chunk was visible to another connection as soon as it was reported: a transaction each
        assertThat(chunks).containsExactly(10L, 10L, 10L, 5L);
        assertThat(committedCounts).containsExactly(26L, 16L, 6L, 1L);
        assertThat(fixture.count(datastream)).isEqualTo(1);
        assertThat(fixture.phenomenonTime(datastream)).isEqualTo("2026-01-01T00:00:00Z/2026-01-01T00:00:00Z");
    }

    @Test
    void readsAndWritesOverHttpSucceedDuringADeletion() throws Exception {
        RetentionFixture fixture = fixture();
        long datastream = fixture.datastreams().get(0);
        long reading = fixture.datastreams().get(1);
        fixture.minutes(datastream, "2025-01-01T00:00:00Z", 300);
        fixture.observations(reading, "2025-01-01T00:00:00Z");
        StaClient client = fixture.client();
        AtomicBoolean done = new AtomicBoolean();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<Long> counts = new CopyOnWriteArrayList<>();
        List<Integer> written = new CopyOnWriteArrayList<>();
        Thread readers = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                HttpResponse<String> response = client.getRaw("Datastreams(" + datastream + ")/Observations?$count=true&$top=1");
                statuses.add(response.statusCode());
                counts.add(StaClient.json(response.body()).get("@iot.count").asLong());
            }
        });
        // new Observations of the same Datastream, and old ones of another, go in meanwhile
        Thread writers = Thread.ofPlatform().start(() -> {
            for (int i = 0; !done.get(); i++) {
                written.add(client.send("POST", "Datastreams(" + (i % 2 == 0 ? datastream : reading) + ")/Observations",
                        "{\"phenomenonTime\": \"2026-06-01T00:00:00Z\", \"result\": " + i + "}").statusCode());
            }
        });

        long deleted = new ObservationPurge(dataSource, 10).deleteBefore(ObservationParent.datastream(datastream),
                Instant.parse("2026-01-01T00:00:00Z"), ObservationPurge.Progress.NONE);
        done.set(true);
        readers.join();
        writers.join();

        assertThat(deleted).isEqualTo(300);
        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(written).isNotEmpty().containsOnly(201);
        long newInDatastream = (written.size() + 1) / 2;
        assertThat(fixture.count(datastream)).isEqualTo(newInDatastream);
        assertThat(fixture.count(reading)).isEqualTo(1 + written.size() / 2);
    }

    @Test
    void aMultiDatastreamsChunksAreTransactionsOfTheirOwnToo() throws Exception {
        RetentionFixture fixture = fixture();
        Instant first = Instant.parse("2025-01-01T00:00:00Z");
        fixture.multiObservations(java.util.stream.IntStream.range(0, 26)
                .mapToObj(i -> first.plusSeconds(60L * i).toString()).toArray(String[]::new));
        ObservationParent multi = ObservationParent.multiDatastream(fixture.multiDatastream());
        List<String> chunks = new ArrayList<>();

        long deleted = new ObservationPurge(dataSource, 10).deleteBefore(multi, first.plusSeconds(60L * 25),
                (parent, inChunk) -> chunks.add(parent + ": " + inChunk + ", " + fixture.multiCount() + " left"));

        assertThat(deleted).isEqualTo(25);
        assertThat(chunks).containsExactly("MultiDatastream " + multi.id() + ": 10, 16 left",
                "MultiDatastream " + multi.id() + ": 10, 6 left", "MultiDatastream " + multi.id() + ": 5, 1 left");
        assertThat(fixture.multiPhenomenonTime()).isEqualTo("2025-01-01T00:25:00Z/2025-01-01T00:25:00Z");
    }

    @Test
    void aChunkIsARangeOfTheTimeIndexAndPrimaryKeyProbesWithoutScanning() throws SQLException {
        RetentionFixture fixture = fixture();
        List<Long> ids = fixture.datastreams();
        fixture.observations(ids.get(0), "2025-01-01T00:00:00Z");
        long feature = fixture.client().get("Datastreams(" + ids.get(0) + ")/Observations?$expand=FeatureOfInterest")
                .at("/value/0/FeatureOfInterest/@iot.id").asLong();
        try (Connection connection = dataSource.getConnection()) {
            // 10,000 Observations for each Datastream and for the MultiDatastream
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into sta_observation (datastream_id, multi_datastream_id, feature_of_interest_id,
                      phenomenon_time_start, result_type, result_number)
                    select case when d > 0 then d end, case when d < 0 then -d end, ?,
                      timestamptz '2025-01-01' + make_interval(mins => g), 1, g
                    from unnest(?::bigint[]) d, generate_series(1, 10000) g""")) {
                insert.setLong(1, feature);
                List<Long> parents = new ArrayList<>(ids);
                parents.add(-fixture.multiDatastream());
                insert.setArray(2, connection.createArrayOf("bigint", parents.toArray()));
                insert.executeUpdate();
            }
            connection.createStatement().execute("analyze sta_observation");

            assertIndexProbes(plan(connection, ObservationParent.datastream(ids.get(1))), "sta_observation_datastream_time");
            assertIndexProbes(plan(connection, ObservationParent.multiDatastream(fixture.multiDatastream())),
                    "sta_observation_multi_datastream_time");
        }
    }

    private static String plan(Connection connection, ObservationParent parent) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement explain = connection.prepareStatement("explain " + ObservationPurge.chunk(parent.kind()))) {
            java.time.OffsetDateTime cutoff = java.time.OffsetDateTime.parse("2025-01-03T00:00:00Z");
            explain.setLong(1, parent.id());
            explain.setObject(2, cutoff);
            explain.setString(3, "2025-01-01 10:00:00+00");
            explain.setLong(4, 0);
            explain.setInt(5, 1000);
            explain.setObject(6, cutoff);
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private static void assertIndexProbes(String plan, String timeIndex) {
        assertThat(plan).contains("Index Scan using " + timeIndex + " ", "Index Scan using sta_observation_pkey")
                .doesNotContain("Seq Scan");
        // the candidates come in index order; only the chunk's last key is picked from them by a (small) sort
        assertThat(plan.split("CTE deleted")[0]).contains("CTE candidates").doesNotContain("Sort");
    }

    private static long count(Connection connection, long datastream) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from sta_observation where datastream_id = ?")) {
            statement.setLong(1, datastream);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theCountAnswersWhatIsLeft() {
        RetentionFixture fixture = fixture();
        long datastream = fixture.datastreams().get(1);
        fixture.minutes(datastream, "2025-03-01T00:00:00Z", 20);

        JsonNode report = StaClient.json(delete(fixture.client(),
                "{\"olderThan\": \"2025-03-01T00:10:00Z\", \"datastream\": " + datastream + "}").body());

        assertThat(report.get("deleted").asLong()).isEqualTo(10);
        assertThat(fixture.count(datastream)).isEqualTo(10);
        assertThat(fixture.client().get("Datastreams(" + datastream + ")/Observations?$top=1&$orderby=phenomenonTime")
                .at("/value/0/phenomenonTime").asString()).isEqualTo("2025-03-01T00:10:00Z");
    }
}
