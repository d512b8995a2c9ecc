package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.quarantine.KeptUplink;
import de.gemeinwerk.platform.database.GroupCommitQueue;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit of uplinks (as {@code sensorthings}' ObservationBatcher does for single Observations): a writer thread
 * takes everything queued meanwhile and stores it in ONE transaction — the deduplication keys
 * ({@code INSERT … ON CONFLICT DO NOTHING RETURNING}: what comes back is new, the rest are duplicates), the quarantine
 * rows and the Observations of the new uplinks — so a group of a thousand uplinks costs one WAL flush. Only after the
 * commit are the receivers told the outcome; a failed transaction leaves no deduplication key behind, so the network
 * server's retry is stored.
 */
public final class UplinkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UplinkWriter.class);

    private final DataSource dataSource;
    private final Duration statementTimeout;
    private final GroupCommitQueue<PendingUplink> queue;

    /**
     * @param queueCapacity    uplinks that may wait; beyond that, submitting fails at once (overload: 503)
     * @param maxGroup         the most uplinks in one transaction
     * @param statementTimeout the longest a group's transaction may take before it counts as failed
     */
    public UplinkWriter(DataSource dataSource, int writers, int queueCapacity, int maxGroup,
                        Duration statementTimeout) {
        this.dataSource = dataSource;
        this.statementTimeout = statementTimeout;
        this.queue = new GroupCommitQueue<>("uplink-writer", writers, queueCapacity, maxGroup, this::write);
    }

    /** Queues the uplink; its future completes once the group holding it has committed (or failed). */
    CompletableFuture<IngestOutcome> enqueue(PendingUplink pending) {
        if (!queue.offer(pending)) {
            pending.result().completeExceptionally(ApiException.serviceUnavailable(
                    "the server is storing as many uplinks as it can; try again shortly"));
        }
        return pending.result();
    }

    private void write(List<PendingUplink> group) {
        try {
            List<IngestOutcome> outcomes = transaction(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(outcomes.get(i));
            }
        } catch (SQLException e) {
            RuntimeException translated = SqlErrors.translate(e, "its Observations cannot be stored", "uplink");
            if (!(translated instanceof ApiException refused)) {
                log.warn("storing {} uplinks failed, the database is unavailable: {}", group.size(), e.getMessage());
                failAll(group, ApiException.serviceUnavailable("the database is unavailable; the uplink was not stored, try again"));
            } else if (group.size() > 1) {
                // a value the database refuses fails the whole transaction: halve until the culprit is alone
                write(group.subList(0, group.size() / 2));
                write(group.subList(group.size() / 2, group.size()));
            } else if (group.getFirst().kept() == null) {
                write(List.of(group.getFirst().keptInstead(refused.getMessage())));
            } else {
                log.error("keeping an uplink in the quarantine failed", e);
                failAll(group, ApiException.serviceUnavailable("the uplink could not be stored"));
            }
        } catch (RuntimeException e) {
            log.error("storing {} uplinks failed", group.size(), e);
            failAll(group, ApiException.serviceUnavailable("the uplink could not be stored; try again"));
        }
    }

    /** The outcome of each uplink of the group, all committed in one transaction. */
    private List<IngestOutcome> transaction(List<PendingUplink> group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // a transaction that hangs (lock, network, server) must not hold its receivers forever
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(statementTimeout.toMillis()));
            connection.setAutoCommit(false);
            try {
                boolean[] fresh = deduplicate(connection, group);
                List<KeptUplink> kept = new ArrayList<>();
                List<ObservationInserts.Row> rows = new ArrayList<>();
                List<IngestOutcome> outcomes = new ArrayList<>(group.size());
                for (int i = 0; i < group.size(); i++) {
                    PendingUplink pending = group.get(i);
                    outcomes.add(fresh[i] ? pending.outcomeIfNew() : IngestOutcome.DUPLICATE);
                    if (fresh[i] && pending.kept() != null) {
                        kept.add(pending.kept());
                    } else if (fresh[i]) {
                        rows.addAll(pending.observations());
                    }
                }
                KeptUplink.insert(connection, kept);
                ObservationInserts.insertIds(connection, rows, (index, outcome) -> {
                    if (outcome instanceof ObservationInserts.Outcome.Rejected rejected) {
                        // its Datastream was deleted through the SensorThings API since the device was provisioned
                        log.warn("an Observation of an uplink was refused: {}", rejected.error().getMessage());
                    }
                });
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /**
     * Inserts the group's deduplication keys; true for each uplink whose key is new (the first of equal keys). In key
     * order: a key another writer's open transaction inserted waits for that transaction, and with one order for all
     * writers those waits cannot form a cycle (a duplicate storm across two groups would otherwise deadlock).
     */
    private static boolean[] deduplicate(Connection connection, List<PendingUplink> group) throws SQLException {
        int n = group.size();
        Long[] tenants = new Long[n];
        String[] devEuis = new String[n];
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            tenants[i] = group.get(i).tenantId();
            devEuis[i] = group.get(i).uplink().devEui();
            keys[i] = group.get(i).uplink().deduplicationKey();
        }
        Set<List<Object>> inserted = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into lorawan_dedup_key (tenant_id, dev_eui, dedup_key)
                select * from unnest(?::bigint[], ?::text[], ?::text[]) order by 1, 2, 3
                on conflict do nothing
                returning tenant_id, dev_eui, dedup_key""")) {
            insert.setArray(1, connection.createArrayOf("bigint", tenants));
            insert.setArray(2, connection.createArrayOf("text", devEuis));
            insert.setArray(3, connection.createArrayOf("text", keys));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        boolean[] fresh = new boolean[n];
        for (int i = 0; i < n; i++) {
            // remove: of equal keys in one group only the first is new
            fresh[i] = inserted.remove(List.of(tenants[i], devEuis[i], keys[i]));
        }
        return fresh;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it, and the transaction ends with it
        }
    }

    private static void failAll(List<PendingUplink> group, RuntimeException error) {
        group.forEach(pending -> pending.result().completeExceptionally(error));
    }

    /** Stops taking uplinks, stores those already queued, then ends the writers (failing what is left). */
    @Override
    public void close() throws InterruptedException {
        failAll(queue.close(statementTimeout), ApiException.serviceUnavailable("the server is shutting down; the uplink was not stored"));
    }
}
