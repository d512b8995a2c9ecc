package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.platform.secrets.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections to the network servers' brokers that this instance holds: one {@link BrokerSubscription} per
 * enabled stored connection it could claim ({@link ConnectionClaims}: with several instances on one database, each
 * connection is held by exactly one). Every round ({@code gemeinwerk.lorawan.mqtt.claim-interval}) it claims and
 * opens connections that nobody holds — new ones created on another instance, or those of an instance that stopped
 * — and closes those deleted meanwhile. A connection created or deleted through this instance is opened or closed at
 * once. Each round also records the status of the connections it holds, which the admin API of the other instances
 * shows. Opened after the application has started (the database is migrated), closed before it stops (before the
 * database pool closes, so no uplink is handed to a closed sink).
 */
@Component
@EnableConfigurationProperties(MqttProperties.class)
public class MqttConnections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttConnections.class);

    private final MqttConnectionStore store;
    private final UplinkSink sink;
    private final MqttProperties timing;
    private final ConnectionClaims claims;
    private final Map<Long, BrokerSubscription> open = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ScheduledExecutorService scheduler;

    public MqttConnections(MqttConnectionStore store, UplinkSink sink, MqttProperties timing, DataSource dataSource) {
        this.store = store;
        this.sink = sink;
        this.timing = timing;
        this.claims = new ConnectionClaims(dataSource);
    }

    @Override
    public void start() {
        locked(() -> {
            // one thread for the rounds and for waiting for due attempts; the attempts run on virtual threads
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-connections")
                    .daemon().factory());
            scheduler.scheduleWithFixedDelay(this::claimRound, 0, timing.claimInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void stop() {
        locked(() -> {
            if (scheduler != null) {
                closeAll();
                scheduler.shutdownNow();
                scheduler = null;
            }
        });
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Opens a connection just created through this instance. */
    void open(MqttConnection connection) {
        locked(() -> {
            if (!isRunning()) {
                return; // stopping: the next start claims it with all others
            }
            try {
                if (claims.claim(connection.id())) {
                    subscribe(connection);
                }
            } catch (SQLException e) {
                log.warn("MQTT connection {} not claimed now ({}); the next round tries again", connection.id(),
                        e.getMessage());
            }
        });
    }

    /** Closes a connection deleted through this instance. */
    void close(long connectionId) {
        locked(() -> {
            Optional.ofNullable(open.remove(connectionId)).ifPresent(BrokerSubscription::stop);
            try {
                claims.release(connectionId);
            } catch (SQLException e) {
                // the claim ends with the session at the latest; nobody claims a deleted connection anyway
                log.debug("MQTT connection {}: claim not released: {}", connectionId, e.getMessage());
            }
        });
    }

    /** The connection's status on this instance; empty when this instance does not hold it. */
    Optional<ConnectionStatus> status(long connectionId) {
        return Optional.ofNullable(open.get(connectionId)).map(BrokerSubscription::status);
    }

    /** Claims and opens what nobody holds, closes what was deleted; runs every claim interval. */
    void claimRound() {
        locked(() -> {
            if (!isRunning()) {
                return;
            }
            try {
                if (!claims.intact()) {
                    log.warn("MQTT connections: the session holding this instance's claims broke; closing them all"
                            + " to claim them again");
                    closeAll();
                }
                Set<Long> wanted = new HashSet<>();
                for (MqttConnection connection : store.enabled()) {
                    wanted.add(connection.id());
                    if (!open.containsKey(connection.id()) && claims.claim(connection.id())) {
                        subscribe(connection);
                    }
                }
                for (long gone : Set.copyOf(open.keySet())) {
                    if (!wanted.contains(gone)) {
                        close(gone);
                    }
                }
                Map<Long, ConnectionStatus> statuses = new HashMap<>();
                open.forEach((id, subscription) -> statuses.put(id, subscription.status()));
                store.report(statuses);
            } catch (SQLException | DataAccessException e) {
                log.warn("MQTT connections: claim round failed ({}); trying again in {}", e.getMessage(),
                        timing.claimInterval());
            }
        });
    }

    private void subscribe(MqttConnection connection) {
        BrokerSubscription subscription;
        try {
            subscription = new BrokerSubscription(connection, store.password(connection), sink, timing, scheduler);
        } catch (SecretException e) {
            log.error("MQTT connection {} of tenant {} cannot be opened: {}", connection.id(), connection.tenantId(),
                    e.getMessage());
            subscription = BrokerSubscription.unopenable(connection, "the password cannot be opened: " + e.getMessage());
        }
        // two clients with one client id would take the connection from each other in turn: the old one goes first
        Optional.ofNullable(open.put(connection.id(), subscription)).ifPresent(BrokerSubscription::stop);
        subscription.start();
    }

    /**
     * Runs {@code action} under the lock that orders starts, stops, claims and deletions. A lock, not
     * {@code synchronized}: requests run on virtual threads, and the claims do database I/O.
     */
    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private void closeAll() {
        open.values().forEach(BrokerSubscription::stop);
        open.clear();
        claims.close();
    }
}
