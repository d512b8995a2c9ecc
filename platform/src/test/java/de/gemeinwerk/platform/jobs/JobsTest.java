package de.gemeinwerk.platform.jobs;

import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.TestHttp;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Jobs with progress, per-item errors, heartbeat and the admin API, against the real database. */
@PlatformTest
class JobsTest {

    private static final AtomicInteger TENANTS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Jobs jobs;
    @Autowired
    JobStore store;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;
    private TestHttp http;
    private Tenant tenant;
    private String adminKey;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void tenant() {
        http = new TestHttp(port);
        transactions = new TransactionTemplate(transactionManager);
        tenant = newTenant();
        adminKey = apiKeys.create(tenant.id(), "Betrieb", Role.ADMIN).key();
    }

    @AfterEach
    void releaseBlockedJobs() {
        release.countDown();
    }

    @Test
    void progressIsStoredWhileAnItemTakesLongAndTheJobFinishesWithEveryItemDone() {
        Job started = jobs.start(tenant.id(), "test-count", "Tester", IntStream.range(0, 10).boxed().toList(),
                String::valueOf, item -> {
                    if (item == 6) {
                        await(release);
                    }
                });
        assertThat(started.state()).isEqualTo(JobState.RUNNING);
        assertThat(started.total()).isEqualTo(10);
        assertThat(started.done()).isZero();

        JsonNode halfway = poll(started.id(), job -> job.get("done").asInt() == 6);
        assertThat(halfway.get("state").asString()).isEqualTo("running");
        assertThat(halfway.get("total").asInt()).isEqualTo(10);
        assertThat(halfway.get("finishedAt").isNull()).isTrue();

        release.countDown();
        JsonNode finished = poll(started.id(), job -> !job.get("state").asString().equals("running"));
        assertThat(finished.get("state").asString()).isEqualTo("finished");
        assertThat(finished.get("done").asInt()).isEqualTo(10);
        assertThat(finished.get("failed").asInt()).isZero();
        assertThat(finished.get("kind").asString()).isEqualTo("test-count");
        assertThat(finished.get("startedBy").asString()).isEqualTo("Tester");
        assertThat(finished.get("finishedAt").isNull()).isFalse();
    }

    @Test
    void failingItemsAreRecordedBoundedAndDoNotStopTheOthers() {
        AtomicInteger handled = new AtomicInteger();
        Job started = jobs.start(tenant.id(), "test-errors", "Tester", IntStream.range(0, 250).boxed().toList(),
                item -> "item " + item, item -> {
                    if (item == 3) {
                        throw new IllegalStateException("a bug");
                    }
                    if (item % 2 == 1) {
                        throw ApiException.conflict("Item " + item + " exists already.");
                    }
                    handled.incrementAndGet();
                });

        JsonNode job = poll(started.id(), j -> j.get("state").asString().equals("finished"));

        assertThat(handled.get()).isEqualTo(125);
        assertThat(job.get("done").asInt()).isEqualTo(250);
        assertThat(job.get("failed").asInt()).isEqualTo(125);
        assertThat(job.get("errors")).hasSize(JobProgress.MAX_ERRORS);
        assertThat(job.get("errorsOmitted").asInt()).isEqualTo(25);
        assertThat(job.get("errors").get(0).get("item").asString()).isEqualTo("item 1");
        assertThat(job.get("errors").get(0).get("message").asString()).isEqualTo("Item 1 exists already.");
        // a bug is reported by its error id only
        assertThat(job.get("errors").get(1).get("item").asString()).isEqualTo("item 3");
        assertThat(job.get("errors").get(1).get("message").asString())
                .matches("An unexpected error occurred\\. Please report error id [0-9a-f]{16} to the operator\\.");
    }

    @Test
    void anItemThatMeetsALockTimeoutIsTriedAgain() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection holder = lockTenantRow()) {
            Job started = jobs.start(tenant.id(), "test-retry", "Tester", List.of(1), String::valueOf, item -> {
                if (attempts.incrementAndGet() == 2) {
                    commit(holder); // the competing transaction ends before the second attempt
                }
                renameTenantWaitingAtMost100Ms();
            });

            JsonNode job = poll(started.id(), j -> !j.get("state").asString().equals("running"));

            assertThat(job.get("failed").asInt()).isZero();
            assertThat(attempts.get()).isEqualTo(2);
        }
    }

    @Test
    void anItemThatKeepsMeetingLockTimeoutsFailsWithoutAnErrorId() throws SQLException {
        AtomicInteger attempts = new AtomicInteger();
        try (Connection holder = lockTenantRow()) {
            Job started = jobs.start(tenant.id(), "test-busy", "Tester", List.of(1), String::valueOf, item -> {
                attempts.incrementAndGet();
                renameTenantWaitingAtMost100Ms();
            });

            JsonNode job = poll(started.id(), j -> !j.get("state").asString().equals("running"));

            assertThat(attempts.get()).isEqualTo(Jobs.ATTEMPTS);
            assertThat(job.get("failed").asInt()).isEqualTo(1);
            assertThat(job.get("errors").get(0).get("message").asString()).contains("busy").doesNotContain("error id");
            commit(holder);
        }
    }

    @Test
    void anItemThatLosesItsConnectionIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        // what the driver throws when the connection breaks, perhaps after the item's commit reached the database
        Job started = jobs.start(tenant.id(), "test-lost", "Tester", List.of(1), String::valueOf, item -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("An I/O error occurred while sending", "08006"));
        });

        JsonNode job = poll(started.id(), j -> !j.get("state").asString().equals("running"));

        assertThat(attempts.get()).isEqualTo(1);
        assertThat(job.get("failed").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).get("message").asString()).contains("check whether it was changed")
                .doesNotContain("error id");
    }

    @Test
    void aJobThatBreaksOffAsAWholeFails() {
        Job started = jobs.start(tenant.id(), "test-broken", "Tester", List.of(1, 2, 3), String::valueOf, item -> {
            if (item == 2) {
                throw new AssertionError("broken invariant");
            }
        });

        JsonNode job = poll(started.id(), j -> !j.get("state").asString().equals("running"));

        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("done").asInt()).isEqualTo(1);
        assertThat(job.get("failure").asString()).contains("error id").doesNotContain("broken invariant");
    }

    @Test
    void aJobWhoseInstanceDiedReadsAsInterrupted() {
        // what a dead instance leaves behind: the row it created, its heartbeat standing still since
        Job orphan = store.create(tenant.id(), "test-orphan", "Tester", 400);
        assertThat(get(orphan.id()).get("state").asString()).isEqualTo("running");

        ageHeartbeat(orphan.id(), JobStore.HEARTBEAT_LOST.plusSeconds(1));

        JsonNode job = get(orphan.id());
        assertThat(job.get("state").asString()).isEqualTo("interrupted");
        assertThat(jobs.require(tenant.id(), orphan.id()).state()).isEqualTo(JobState.INTERRUPTED);
    }

    @Test
    void aLiveInstanceKeepsBeatingWhileAnItemTakesLong() {
        Job started = jobs.start(tenant.id(), "test-slow", "Tester", List.of(1), String::valueOf,
                item -> await(release));
        poll(started.id(), job -> true);
        ageHeartbeat(started.id(), JobStore.HEARTBEAT_LOST.plusSeconds(1));
        assertThat(get(started.id()).get("state").asString()).isEqualTo("interrupted");

        // within one heartbeat the instance says it is alive again
        JsonNode job = poll(started.id(), j -> j.get("state").asString().equals("running"));
        assertThat(job.get("done").asInt()).isZero();
    }

    @Test
    void aShutdownEndsEachJobAfterItsCurrentItemAsInterrupted() throws Exception {
        // an instance of its own, so that shutting it down leaves the application's running
        Jobs instance = new Jobs(store);
        CountDownLatch itemStarted = new CountDownLatch(1);
        Job started = instance.start(tenant.id(), "test-shutdown", "Tester", List.of(1, 2, 3), String::valueOf,
                item -> {
                    itemStarted.countDown();
                    await(release);
                });
        itemStarted.await();
        Thread shutdown = Thread.ofVirtual().start(() -> {
            try {
                instance.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleep(100);
        release.countDown();
        shutdown.join();

        JsonNode job = get(started.id());
        assertThat(job.get("state").asString()).isEqualTo("interrupted");
        assertThat(job.get("done").asInt()).isEqualTo(1);
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(refusalOf(instance)).isInstanceOf(ApiException.class).hasMessageContaining("shutting down");
    }

    @Test
    void anotherTenantSeesNoneOfTheJobs() {
        Job own = jobs.start(tenant.id(), "test-own", "Tester", List.of(1), String::valueOf, item -> {
        });
        Tenant other = newTenant();
        String otherAdmin = apiKeys.create(other.id(), "Andere", Role.ADMIN).key();
        Job foreign = jobs.start(other.id(), "test-foreign", "Andere", List.of(1), String::valueOf, item -> {
        });

        String path = "/" + tenant.slug() + "/admin/v1/jobs/";
        assertProblem(http.get(path + foreign.id(), adminKey), 404, path + foreign.id());
        assertProblem(http.get(path + own.id(), otherAdmin), 403, path + own.id());
        String otherPath = "/" + other.slug() + "/admin/v1/jobs/" + own.id();
        assertProblem(http.get(otherPath, otherAdmin), 404, otherPath);
        JsonNode list = json(http.get("/" + tenant.slug() + "/admin/v1/jobs", adminKey).body());
        assertThat(list.valueStream().map(job -> job.get("kind").asString())).containsExactly("test-own");
    }

    @Test
    void theAdminApiNeedsAnAdminKeyAndAValidLimit() {
        Job job = jobs.start(tenant.id(), "test-auth", "Tester", List.of(), String::valueOf, item -> {
        });
        String path = "/" + tenant.slug() + "/admin/v1/jobs/" + job.id();
        assertProblem(http.get(path, null), 401, path);
        assertProblem(http.get(path, apiKeys.create(tenant.id(), "Lesen", Role.WRITE).key()), 403, path);
        String list = "/" + tenant.slug() + "/admin/v1/jobs";
        assertThat(assertProblem(http.get(list + "?limit=0", adminKey), 400, list).get("where").asString())
                .isEqualTo("parameter limit");
        assertProblem(http.get(list + "?limit=viele", adminKey), 400, list);
        JsonNode empty = poll(job.id(), j -> j.get("state").asString().equals("finished"));
        assertThat(empty.get("total").asInt()).isZero();
    }

    @Test
    void theListIsNewestFirstAndLimited() {
        for (int i = 0; i < 3; i++) {
            jobs.start(tenant.id(), "test-list-" + i, "Tester", List.of(), String::valueOf, item -> {
            });
        }
        JsonNode list = json(http.get("/" + tenant.slug() + "/admin/v1/jobs?limit=2", adminKey).body());
        assertThat(list.valueStream().map(job -> job.get("kind").asString()))
                .containsExactly("test-list-2", "test-list-1");
    }

    /** What starting a job on a closed instance throws. */
    private Throwable refusalOf(Jobs closed) {
        try {
            closed.start(tenant.id(), "test-closed", "Tester", List.of(), String::valueOf, item -> {
            });
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("a closed instance started a job");
    }

    /**
     * A transaction of another connection holding the test tenant's row, as a competing writer would ("no key": new
     * job rows may still refer to the tenant).
     */
    private Connection lockTenantRow() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select id from tenant where id = ? for no key update")) {
            lock.setLong(1, tenant.id());
            lock.executeQuery().close();
        }
        return connection;
    }

    private void renameTenantWaitingAtMost100Ms() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("set local lock_timeout = '100ms'").update();
            jdbc.sql("update tenant set name = name where id = :id").param("id", tenant.id()).update();
        });
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tenant newTenant() {
        return tenants.create("jobs-" + TENANTS.incrementAndGet(), "Jobs", false);
    }

    private void ageHeartbeat(long id, Duration by) {
        jdbc.sql("update job set heartbeat_at = now() - make_interval(secs => :seconds) where id = :id")
                .param("seconds", by.toSeconds()).param("id", id).update();
    }

    private JsonNode get(long id) {
        var response = http.get("/" + tenant.slug() + "/admin/v1/jobs/" + id, adminKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** The job as soon as it satisfies {@code condition}; fails after 20 s (a hang, not slowness). */
    private JsonNode poll(long id, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode job = get(id);
            if (condition.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %d never got there: %s", id, job).isLessThan(deadline);
            sleep(50);
        }
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
