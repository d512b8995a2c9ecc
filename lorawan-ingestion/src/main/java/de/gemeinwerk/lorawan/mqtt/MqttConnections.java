package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.platform.secrets.SecretException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The open connections to the network servers' brokers: one {@link BrokerSubscription} per enabled stored
 * connection, opened when the application has started (after the database is migrated) and when a connection is
 * created, closed when it is deleted and before the application stops (before the database pool closes, so no
 * uplink is handed to a closed sink).
 */
@Component
@EnableConfigurationProperties(MqttProperties.class)
public class MqttConnections implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttConnections.class);

    private final MqttConnectionStore store;
    private final UplinkSink sink;
    private final MqttProperties timing;
    private final Map<Long, BrokerSubscription> open = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public MqttConnections(MqttConnectionStore store, UplinkSink sink, MqttProperties timing) {
        this.store = store;
        this.sink = sink;
        this.timing = timing;
    }

    @Override
    public void start() {
        // one thread only waits for due attempts; the attempts themselves run on virtual threads
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mqtt-connections")
                .daemon().factory());
        store.enabled().forEach(this::open);
    }

    @Override
    public void stop() {
        open.values().forEach(BrokerSubscription::stop);
        open.clear();
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Starts subscribing for {@code connection} (a new one, or one read at start). */
    void open(MqttConnection connection) {
        if (!isRunning()) {
            return; // stopping: start() opens it again with all enabled connections
        }
        String password;
        try {
            password = store.password(connection);
        } catch (SecretException e) {
            log.error("MQTT connection {} of tenant {} cannot be opened: {}", connection.id(), connection.tenantId(),
                    e.getMessage());
            replace(connection.id(), BrokerSubscription.unopenable(connection, "the password cannot be opened: "
                    + e.getMessage()));
            return;
        }
        BrokerSubscription subscription = new BrokerSubscription(connection, password, sink, timing, scheduler);
        replace(connection.id(), subscription);
        subscription.start();
    }

    /** Two clients with one client id would take the connection from each other in turn: the old one goes first. */
    private void replace(long connectionId, BrokerSubscription subscription) {
        Optional.ofNullable(open.put(connectionId, subscription)).ifPresent(BrokerSubscription::stop);
    }

    void close(long connectionId) {
        Optional.ofNullable(open.remove(connectionId)).ifPresent(BrokerSubscription::stop);
    }

    /** The connection's status on this instance; empty when it is not open here. */
    Optional<ConnectionStatus> status(long connectionId) {
        return Optional.ofNullable(open.get(connectionId)).map(BrokerSubscription::status);
    }
}
