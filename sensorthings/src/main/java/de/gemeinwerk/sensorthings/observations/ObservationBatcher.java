package de.gemeinwerk.sensorthings.observations;

import de.gemeinwerk.platform.database.GroupCommitQueue;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.read.EntityRow;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for single-Observation POSTs. A request hands over its validated Observation and waits; a writer
 * thread takes everything queued meanwhile (up to {@code maxBatch}) and stores it with one statement in
 * autocommit mode — one round trip and one WAL flush for the whole batch. There is no artificial delay: while
 * a batch is being written, the next one gathers by itself, so batches grow exactly as fast as load does.
 * A request is answered only after the statement holding its row has returned, i.e. committed.
 */
public final class ObservationBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ObservationBatcher.class);

    private final DataSource dataSource;
    private final Duration timeout;
    private final GroupCommitQueue<PendingObservation> queue;

    /**
     * @param writers  threads writing batches. One is best unless the database has cores and disks to spare: an
     *                 idle second writer takes the next request alone instead of letting a batch gather
     * @param maxBatch the most Observations in one statement
     * @param timeout  how long an Observation may wait in the queue, and a batch's statement may take
     */
    public ObservationBatcher(DataSource dataSource, int writers, int maxBatch, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.queue = new GroupCommitQueue<>("observation-writer", writers, maxBatch * writers * 4, maxBatch, this::write);
    }

    /**
     * Stores the Observation together with those of other requests and returns it as stored, once committed.
     *
     * @throws ApiException          the row's own rejection (Datastream or FeatureOfInterest not found, a value the
     *                               database refuses), or 503 when ingest is overloaded or shutting down
     * @throws IllegalStateException the database failed the batch
     */
    public EntityRow insert(ObservationInserts.Row row) {
        PendingObservation pending = new PendingObservation(row);
        if (!queue.offer(pending)) {
            throw ApiException.serviceUnavailable("the server is storing as many Observations as it can; try again shortly");
        }
        try {
            return await(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Observation was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ApiException rejection ? rejection
                    : new IllegalStateException("storing the Observation failed", e.getCause());
        }
    }

    private EntityRow await(PendingObservation pending) throws InterruptedException, ExecutionException {
        try {
            return pending.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (queue.remove(pending)) {
                throw ApiException.serviceUnavailable("the Observation waited too long to be stored and was not stored; try again");
            }
        }
        // Taken into a batch: its statement is bounded by the connection's network timeout, so this ends too.
        try {
            return pending.result().get(timeout.plus(GroupCommitQueue.IDLE_POLL).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no outcome of storing the Observation within " + timeout.multipliedBy(2));
        }
    }

    private void write(List<PendingObservation> batch) {
        try (Connection connection = dataSource.getConnection()) {
            // a statement that hangs (network, server) must not hold its requests forever
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(timeout.toMillis()));
            insert(connection, batch);
        } catch (SQLException e) {
            failOpen(batch, SqlErrors.translate(e, "the request cannot be carried out", "request"));
        } catch (RuntimeException e) {
            log.error("writing a batch of {} Observations failed", batch.size(), e);
            failOpen(batch, e);
        }
    }

    /**
     * A value the database refuses (SQLSTATE class 22/23: caused by the request) fails the whole statement;
     * halving the rows still open until the culprit is alone stores everyone else's and rejects only it.
     */
    private static void insert(Connection connection, List<PendingObservation> batch) throws SQLException {
        try {
            ObservationInserts.insert(connection, batch.stream().map(PendingObservation::row).toList(),
                    (index, outcome) -> batch.get(index).settle(outcome));
        } catch (SQLException e) {
            List<PendingObservation> open = batch.stream().filter(PendingObservation::open).toList();
            if (!(SqlErrors.translate(e, "the entity cannot be stored", "body") instanceof ApiException rejection)) {
                throw e;
            }
            if (open.size() <= 1) {
                failOpen(open, rejection);
                return;
            }
            insert(connection, open.subList(0, open.size() / 2));
            insert(connection, open.subList(open.size() / 2, open.size()));
        }
    }

    private static void failOpen(List<PendingObservation> batch, RuntimeException error) {
        batch.forEach(pending -> pending.result().completeExceptionally(error));
    }

    /** Stops taking Observations, stores those already queued, then ends the writers (failing what is left). */
    @Override
    public void close() throws InterruptedException {
        failOpen(queue.close(timeout), ApiException.serviceUnavailable("the server is shutting down; the Observation was not stored"));
    }
}
