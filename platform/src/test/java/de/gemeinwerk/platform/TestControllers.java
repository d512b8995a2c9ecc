package de.gemeinwerk.platform;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.web.bind.annotation.GetMapping;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Endpoints that fail in the ways the error handling must cover. */
@RestController
class TestControllers {

    record Sample(String name, int count) {
    }

    @GetMapping("/test/failure")
    String failure() {
        throw new IllegalStateException("secret internal detail");
    }

    private static final long DEADLOCK_KEY = 7_700_001L;

    private final DataSource dataSource;

    TestControllers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A real deadlock (SQLSTATE 40P01): two transactions take two advisory locks in opposite order; PostgreSQL's
     * deadlock detector cancels one of them, whose exception this endpoint lets through as any database code would.
     */
    @GetMapping("/test/deadlock")
    String deadlock() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            lockOrRollBack(first, DEADLOCK_KEY);
            lockOrRollBack(second, DEADLOCK_KEY + 1);
            CompletableFuture<SQLException> firstWaits =
                    CompletableFuture.supplyAsync(() -> lockOrRollBack(first, DEADLOCK_KEY + 1));
            Thread.sleep(200);
            SQLException secondFailure = lockOrRollBack(second, DEADLOCK_KEY);
            SQLException firstFailure = firstWaits.join();
            first.rollback();
            second.rollback();
            throw firstFailure != null ? firstFailure : secondFailure;
        }
    }

    /** Null when the lock is taken; the failure otherwise, after rolling back (which frees the other session). */
    private static SQLException lockOrRollBack(Connection connection, long key) {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            statement.setLong(1, key);
            statement.execute();
            return null;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is closed right after
            }
            return e;
        }
    }

    @GetMapping("/test/api-error")
    String apiError() {
        throw ApiException.badRequest("Unknown function 'foo'.", "$filter at position 7");
    }

    @PostMapping("/test/upload")
    String upload() {
        throw ApiException.payloadTooLarge("At most 10 MB per request.");
    }

    @GetMapping("/test/count")
    Map<String, Integer> count(@RequestParam int count) {
        return Map.of("count", count);
    }

    /** Bound by Spring's own JSON converter, so that its errors are covered too. */
    @PostMapping("/test/sample")
    Sample sample(@RequestBody Sample sample) {
        return sample;
    }
}
