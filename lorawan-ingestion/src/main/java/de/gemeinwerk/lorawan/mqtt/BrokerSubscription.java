package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.ingest.IngestOutcome;
import de.gemeinwerk.lorawan.ingest.UplinkSink;
import de.gemeinwerk.lorawan.uplink.Uplink;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection to a network server's broker, kept up by itself: it connects, subscribes to the application's
 * uplinks and hands each to the {@link UplinkSink}; a lost connection or a failed attempt is retried with growing
 * waits.
 * <p>
 * An uplink is acknowledged (PUBACK, manual acks) only when the sink's future completed, i.e. the uplink is committed,
 * and in the order of arrival ({@link OrderedAcks}).
 * If the sink cannot store one, the connection is closed without acknowledging and reopened after a pause: the broker
 * keeps the persistent session and redelivers every unacknowledged uplink, so nothing is lost; one that was stored but
 * not yet acknowledged comes again and is absorbed by the ingest's deduplication. A payload that cannot be read, or
 * an uplink the ingest refuses as such (a 4xx), is logged and acknowledged: redelivered, it would fail again forever.
 * <p>
 * Each attempt uses a new Paho client, and every callback carries the client it came from: an acknowledgement or a
 * failure that belongs to a connection already given up is dropped instead of acting on its successor.
 */
final class BrokerSubscription {

    private static final Logger log = LoggerFactory.getLogger(BrokerSubscription.class);
    private static final int SUBSCRIPTION_REFUSED = 0x80;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final long QUIESCE_MILLIS = 1000;

    private final MqttConnection connection;
    private final String password;
    private final UplinkSink sink;
    private final MqttProperties timing;
    private final ScheduledExecutorService scheduler;
    /** The client of the current attempt or connection; null between attempts and after {@link #stop}. */
    private final AtomicReference<MqttAsyncClient> current = new AtomicReference<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean stopped;
    private volatile int failedAttempts;
    private volatile String state = ConnectionStatus.CONNECTING;
    private volatile String lastError;
    private volatile Instant lastMessageAt;

    BrokerSubscription(MqttConnection connection, String password, UplinkSink sink, MqttProperties timing,
                       ScheduledExecutorService scheduler) {
        this.connection = connection;
        this.password = password;
        this.sink = sink;
        this.timing = timing;
        this.scheduler = scheduler;
    }

    /** A connection that cannot even be tried (its password does not open): shown as failed, never connecting. */
    static BrokerSubscription unopenable(MqttConnection connection, String reason) {
        BrokerSubscription subscription = new BrokerSubscription(connection, null, null, null, null);
        subscription.stopped = true;
        subscription.state = ConnectionStatus.FAILED;
        subscription.lastError = reason;
        return subscription;
    }

    void start() {
        scheduleConnect(Duration.ZERO);
    }

    /** Disconnects for good (the connection was deleted, or the application stops). */
    void stop() {
        stopped = true;
        MqttAsyncClient client = current.getAndSet(null);
        if (client != null && client.isConnected()) {
            try {
                // lets acknowledgements already given go out, and ends the session's connection cleanly
                client.disconnect(QUIESCE_MILLIS).waitForCompletion(QUIESCE_MILLIS * 2);
            } catch (MqttException e) {
                log.debug("MQTT connection {}: disconnect failed: {}", connection.id(), e.getMessage());
            }
        }
        close(client);
    }

    ConnectionStatus status() {
        return new ConnectionStatus(state, lastError, lastMessageAt, received.get());
    }

    private void scheduleConnect(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            // connecting blocks (DNS, TCP, TLS, CONNACK): on a virtual thread, so slow brokers never hold up the others
            scheduler.schedule(() -> Thread.ofVirtual().name(connection.clientId()).start(this::connect),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the application is stopping: stop() follows
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(connection.uri(), connection.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            giveUp(null, BrokerErrors.describe(e), true);
            return;
        }
        // current before connecting: a queued uplink may arrive right after CONNACK, before subscribe() returns
        current.set(client);
        if (stopped) {
            close(current.getAndSet(null));
            return;
        }
        try {
            client.setManualAcks(true);
            client.setCallback(new Callback(client));
            long timeout = timing.connectTimeout().toMillis();
            client.connect(options()).waitForCompletion(timeout);
            IMqttToken subscription = client.subscribe(connection.topic(), connection.qos());
            subscription.waitForCompletion(timeout);
            if (subscription.getGrantedQos()[0] == SUBSCRIPTION_REFUSED) {
                retry(client, "the broker refused the subscription to " + connection.topic(), true,
                        timing.backoff(failedAttempts++));
                return;
            }
            failedAttempts = 0;
            lastError = null;
            state = ConnectionStatus.CONNECTED;
            log.info("MQTT connection {} of tenant {}: subscribed to {} at {}", connection.id(), connection.tenantId(),
                    connection.topic(), connection.uri());
        } catch (MqttException e) {
            retry(client, BrokerErrors.describe(e), BrokerErrors.permanent(e), timing.backoff(failedAttempts++));
        } catch (GeneralSecurityException e) {
            giveUp(client, "TLS cannot be set up: " + e.getMessage(), true);
        }
    }

    private MqttConnectOptions options() throws GeneralSecurityException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(!connection.persistentSession());
        // our own loop reconnects: Paho's covers neither the first connect nor the pause after a refused uplink
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout((int) Math.max(1, timing.connectTimeout().toSeconds()));
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        if (connection.username() != null) {
            options.setUserName(connection.username());
            options.setPassword(password == null ? new char[0] : password.toCharArray());
        }
        if (connection.uri().startsWith("ssl:")) {
            options.setSocketFactory(BrokerTls.socketFactory(connection.caCertificate()));
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    private void arrived(MqttAsyncClient client, OrderedAcks acks, MqttMessage message) {
        received.incrementAndGet();
        lastMessageAt = Instant.now();
        OrderedAcks.Pending pending = acks.arrived(message);
        switch (UplinkMessages.read(connection.networkServer(), message.getPayload())) {
            case UplinkMessages.Read.AnUplink(Uplink uplink) -> store(client, acks, pending, uplink);
            case UplinkMessages.Read.NotAnUplink(String what) -> {
                log.debug("MQTT connection {}: ignored {}", connection.id(), what);
                acks.done(pending);
            }
            case UplinkMessages.Read.Unreadable(String reason) -> {
                log.warn("MQTT connection {} of tenant {}: dropped a message that is no readable uplink: {}",
                        connection.id(), connection.tenantId(), reason);
                acks.done(pending);
            }
        }
    }

    private void store(MqttAsyncClient client, OrderedAcks acks, OrderedAcks.Pending pending, Uplink uplink) {
        CompletableFuture<IngestOutcome> stored;
        try {
            stored = sink.submit(connection.tenantId(), uplink);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((outcome, error) -> {
            if (error == null) {
                acks.done(pending);
            } else if (BrokerErrors.refusedForGood(error)) {
                // the uplink itself is wrong: redelivered, it would be refused again and again
                log.warn("MQTT connection {} of tenant {}: dropped an uplink of {} that the ingest refuses: {}",
                        connection.id(), connection.tenantId(), uplink.devEui(), BrokerErrors.describe(error));
                acks.done(pending);
            } else {
                notStored(client, uplink, error);
                if (connection.qos() == 0) {
                    acks.done(pending); // nothing is acknowledged or redelivered: it must not hold back the others
                }
            }
        });
    }

    private void notStored(MqttAsyncClient client, Uplink uplink, Throwable error) {
        String reason = "an uplink of " + uplink.devEui() + " could not be stored: " + BrokerErrors.describe(error);
        if (connection.qos() == 0) {
            // nothing to redeliver at QoS 0: reconnecting would only lose more
            lastError = reason + " (lost: the broker delivers at most once)";
            log.warn("MQTT connection {} of tenant {}: {}", connection.id(), connection.tenantId(), lastError);
            return;
        }
        log.warn("MQTT connection {} of tenant {}: {}; reconnecting in {} for the broker to redeliver it",
                connection.id(), connection.tenantId(), reason, timing.refusedPause());
        retry(client, reason, false, timing.refusedPause());
    }

    private void acknowledge(MqttAsyncClient client, MqttMessage message) {
        if (message.getQos() == 0 || current.get() != client) {
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // the connection is gone: the broker redelivers, and the ingest recognises the duplicate
            log.debug("MQTT connection {}: acknowledgement not sent: {}", connection.id(), e.getMessage());
        }
    }

    /** Gives up {@code client} (unless that happened already) and tries again after {@code delay}. */
    private void retry(MqttAsyncClient client, String error, boolean permanent, Duration delay) {
        if (giveUp(client, error, permanent)) {
            scheduleConnect(delay);
        }
    }

    private boolean giveUp(MqttAsyncClient client, String error, boolean permanent) {
        if (client != null && !current.compareAndSet(client, null)) {
            return false;
        }
        if (stopped) {
            return false;
        }
        lastError = error;
        state = permanent ? ConnectionStatus.FAILED : ConnectionStatus.CONNECTING;
        log.warn("MQTT connection {} of tenant {} to {}: {}", connection.id(), connection.tenantId(), connection.uri(),
                error);
        close(client);
        return true;
    }

    private static void close(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1000, false);
            }
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("closing an MQTT client: {}", e.getMessage());
        }
    }

    /** Paho's callbacks for one client: they act only while that client is the current one. */
    private final class Callback implements MqttCallback {

        private final MqttAsyncClient client;
        private final OrderedAcks acks;

        Callback(MqttAsyncClient client) {
            this.client = client;
            this.acks = new OrderedAcks(message -> acknowledge(client, message));
        }

        @Override
        public void connectionLost(Throwable cause) {
            retry(client, "connection lost: " + BrokerErrors.describe(cause), false, timing.backoff(failedAttempts++));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                arrived(client, acks, message);
            } catch (RuntimeException e) {
                // an exception here would make Paho drop the connection; the message stays unacknowledged
                log.error("MQTT connection {}: handling a message on {} failed", connection.id(), topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // subscribers only: nothing is published
        }
    }
}
