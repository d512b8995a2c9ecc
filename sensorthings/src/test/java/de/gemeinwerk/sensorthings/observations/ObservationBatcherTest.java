package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batcher with a batch whose composition is known: the writer is held at its first connection while the
 * requests of interest queue up, so they are all taken together into the next batch.
 */
@SensorThingsTest
class ObservationBatcherTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-01-02T03:04:05Z");
    private static final long MISSING_FEATURE = 999_999_999_999L;

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    DataSource dataSource;

    /** A DataSource whose first getConnection waits until {@link #release}; everything else passes through. */
    private final class Gate {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        final DataSource dataSource = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && reached.getCount() > 0) {
                        reached.countDown();
                        released.await();
                    }
                    try {
                        return method.invoke(ObservationBatcherTest.this.dataSource, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        void release() {
            released.countDown();
        }
    }

    private record Request(Thread thread, CompletableFuture<EntityRow> result) {}

    /** Sends the row from its own thread (like a request) and returns once it waits for its outcome. */
    private static Request send(ObservationBatcher batcher, ObservationInserts.Row row) throws InterruptedException {
        CompletableFuture<EntityRow> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().start(() -> {
            try {
                result.complete(batcher.insert(row));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        // TIMED_WAITING: past the queue, waiting for its outcome (a contended queue lock parks without timeout)
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.isAlive()) {
            Thread.onSpinWait();
        }
        return new Request(thread, result);
    }

    private static ObservationInserts.Row row(IngestTenant tenant, long datastream, String body) {
        return ObservationInserts.parse(tenant.id(), EntityType.DATASTREAM, datastream, JsonMapper.shared().readTree(body), NOW);
    }

    private static EntityRow stored(Request request) throws Exception {
        return request.result().get(30, TimeUnit.SECONDS);
    }

    private static void assertRejected(Request request, HttpStatus status, String where, String message) {
        assertThatThrownBy(() -> stored(request)).cause().isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.where()).isEqualTo(where);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private long count(String sql, Object... params) {
        return new JdbcTemplate(dataSource).queryForObject(sql, Long.class, params);
    }

    @Test
    void aMixedBatchStoresTheGoodRowsAndRejectsEachBadOneWithItsOwnError() throws Exception {
        IngestTenant a = IngestTenant.create(port, tenants, keys);
        IngestTenant b = IngestTenant.create(port, tenants, keys);
        long ofA = a.datastream();
        long fresh = a.datastream();
        long ofB = b.datastream();
        long featureOfA = a.feature();
        long featureOfB = b.feature();
        Gate gate = new Gate();
        try (ObservationBatcher batcher = new ObservationBatcher(gate.dataSource, 1, 1000, Duration.ofSeconds(30))) {
            Request plug = send(batcher, row(a, ofA, "{\"result\": 0, \"FeatureOfInterest\": {\"@iot.id\": " + featureOfA + "}}"));
            gate.reached.await();
            List<Request> good = new ArrayList<>(List.of(
                    send(batcher, row(a, ofA, "{\"result\": 1, \"FeatureOfInterest\": {\"@iot.id\": " + featureOfA + "}}")),
                    send(batcher, row(a, fresh, "{\"result\": 2}")),
                    send(batcher, row(b, ofB, "{\"result\": 3}")),
                    send(batcher, row(a, fresh, "{\"result\": 4}"))));
            Request otherTenantsDatastream = send(batcher, row(a, ofB, "{\"result\": 5}"));
            Request otherTenantsFeature = send(batcher, row(a, ofA,
                    "{\"result\": 6, \"FeatureOfInterest\": {\"@iot.id\": " + featureOfB + "}}"));
            Request missingFeature = send(batcher, row(b, ofB,
                    "{\"result\": 7, \"FeatureOfInterest\": {\"@iot.id\": " + MISSING_FEATURE + "}}"));
            Request refusedValue = send(batcher, row(a, ofA, "{\"result\": 8, \"parameters\": {\"x\": \"\\u0000\"}}"));
            good.add(send(batcher, row(b, ofB, "{\"result\": 9}")));
            gate.release();

            assertThat(stored(plug).id()).isPositive();
            for (Request request : good) {
                assertThat(stored(request).id()).isPositive();
            }
            assertRejected(otherTenantsDatastream, HttpStatus.NOT_FOUND, null, "Datastream " + ofB + " does not exist");
            assertRejected(otherTenantsFeature, HttpStatus.BAD_REQUEST, "body: /FeatureOfInterest",
                    "FeatureOfInterest " + featureOfB + " does not exist");
            assertRejected(missingFeature, HttpStatus.BAD_REQUEST, "body: /FeatureOfInterest",
                    "FeatureOfInterest " + MISSING_FEATURE + " does not exist");
            assertRejected(refusedValue, HttpStatus.BAD_REQUEST, "body", "cannot be stored");
        }

        assertThat(new JdbcTemplate(dataSource).queryForList("select result_number::int from sta_observation"
                + " where datastream_id in (?, ?, ?) order by 1", Integer.class, ofA, fresh, ofB))
                .containsExactly(0, 1, 2, 3, 4, 9);
        assertThat(count("select observation_count from sta_datastream_extent where datastream_id = ?", ofA)).isEqualTo(2);
        assertThat(count("select observation_count from sta_datastream_extent where datastream_id = ?", fresh)).isEqualTo(2);
        assertThat(count("select observation_count from sta_datastream_extent where datastream_id = ?", ofB)).isEqualTo(2);
        // the first Observations of the fresh Datastream share one FeatureOfInterest generated for them, in tenant A
        assertThat(count("select count(distinct f.id) from sta_observation o join sta_feature_of_interest f"
                + " on f.id = o.feature_of_interest_id where o.datastream_id = ? and f.tenant_id = ?"
                + " and f.generated_from_location_id is not null", fresh, a.id())).isOne();
    }

    @Test
    void closingStoresWhatIsQueuedBeforeTheWritersEnd() throws Exception {
        IngestTenant tenant = IngestTenant.create(port, tenants, keys);
        long datastream = tenant.datastream();
        Gate gate = new Gate();
        ObservationBatcher batcher = new ObservationBatcher(gate.dataSource, 1, 1000, Duration.ofSeconds(30));
        Request plug = send(batcher, row(tenant, datastream, "{\"result\": 0}"));
        gate.reached.await();
        Request queued = send(batcher, row(tenant, datastream, "{\"result\": 1}"));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                batcher.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        gate.release();
        closing.get(30, TimeUnit.SECONDS);

        assertThat(stored(plug).id()).isPositive();
        assertThat(stored(queued).id()).isPositive();
        assertThatThrownBy(() -> batcher.insert(row(tenant, datastream, "{\"result\": 2}")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(count("select count(*) from sta_observation where datastream_id = ?", datastream)).isEqualTo(2);
    }
}
