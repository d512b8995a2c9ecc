package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Subscriptions against a real Mosquitto: what arrives at the sink, resuming after outages, refusals, TLS. */
class BrokerSubscriptionTest {

    static final String CHIRPSTACK_APPLICATION = "b2d4f6a8-3c5e-4f70-8a92-1b3c5d7e9f01";
    static final String TTS_USER = "municipal-sensors@ttn";
    private static final Duration WAIT = Duration.ofSeconds(30);
    // a first reconnect attempt 2 s after a loss leaves time to publish while the subscriber is away
    private static final MqttProperties TIMING = new MqttProperties(Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(15));
    private static final AtomicLong IDS = new AtomicLong(1000);

    @RegisterExtension
    static final MosquittoBroker broker = MosquittoBroker.withUsers(Map.of("gemeinwerk", "abo-geheim",
            "chirpstack", "cs-geheim", TTS_USER, "NNSXS.API-KEY"));
    // the broker's ports are chosen when it is made, so its URI is known before it starts
    static final TestPublisher chirpStack = new TestPublisher(broker.uri(), "chirpstack", "cs-geheim");
    static final TestPublisher theThingsStack = new TestPublisher(broker.uri(), TTS_USER, "NNSXS.API-KEY");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final RecordingSink sink = new RecordingSink();
    private final List<BrokerSubscription> subscriptions = new ArrayList<>();

    @AfterEach
    void stopSubscriptions() {
        subscriptions.forEach(BrokerSubscription::stop);
        scheduler.shutdownNow();
    }

    @Test
    void handsChirpStackUplinksToTheSink() throws Exception {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.uri(), null), "abo-geheim");
        awaitConnected(subscription);

        chirpStack.publish(chirpStackTopic("a840415f31000003"), LorawanClient.sample("chirpstack-v4/up-laq4.json"), 1);

        await().atMost(WAIT).until(() -> sink.stored().size() == 1);
        RecordingSink.Stored stored = sink.stored().getFirst();
        Uplink uplink = stored.uplink();
        assertThat(stored.tenantId()).isEqualTo(7);
        assertThat(uplink.networkServer()).isEqualTo(NetworkServer.CHIRPSTACK);
        assertThat(uplink.devEui()).isEqualTo("a840415f31000003");
        assertThat(uplink.fCnt()).isEqualTo(2077);
        assertThat(uplink.payload()).isEqualTo(Base64.getDecoder().decode("DQcFABICCwD7AbM="));
        assertThat(uplink.decoded().get("CO2_ppm").asDouble()).isEqualTo(523.0);
        assertThat(subscription.status().state()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(subscription.status().received()).isEqualTo(1);
        assertThat(subscription.status().lastMessageAt()).isNotNull();
    }

    @Test
    void handsTheThingsStackUplinksToTheSink() throws Exception {
        MqttConnection connection = connection(NetworkServer.THE_THINGS_STACK, broker.uri(), TTS_USER,
                "municipal-sensors", null);
        assertThat(connection.topic()).isEqualTo("v3/municipal-sensors@ttn/devices/+/up");
        BrokerSubscription subscription = subscribe(connection, "NNSXS.API-KEY");
        awaitConnected(subscription);

        // the topic names the device id, not the DevEUI; a join that turns up there is recognised and left out
        theThingsStack.publish("v3/" + TTS_USER + "/devices/eui-a840415f31000003/up", List.of(
                LorawanClient.sample("tts-v3/join.json"), LorawanClient.sample("tts-v3/uplink-laq4.json")), 0);

        await().atMost(WAIT).until(() -> sink.stored().size() == 1);
        assertThat(subscription.status().received()).isEqualTo(2);
        assertThat(sink.submitted()).isEqualTo(1);
        Uplink uplink = sink.stored().getFirst().uplink();
        assertThat(uplink.networkServer()).isEqualTo(NetworkServer.THE_THINGS_STACK);
        assertThat(uplink.devEui()).isEqualTo("a840415f31000003");
        assertThat(uplink.fCnt()).isEqualTo(2077);
        assertThat(uplink.payload()).isEqualTo(Base64.getDecoder().decode("DQcFABICCwD7AbM="));
        assertThat(uplink.decoded().get("CO2_ppm").asInt()).isEqualTo(523);
    }

    @Test
    void goesOnAfterAnUplinkTheSinkRefusesAtQosZero() throws Exception {
        BrokerSubscription subscription = subscribe(connection(NetworkServer.THE_THINGS_STACK, broker.uri(), TTS_USER,
                "municipal-sensors", null), "NNSXS.API-KEY");
        awaitConnected(subscription);
        sink.refuseNext(1);

        theThingsStack.publish("v3/" + TTS_USER + "/devices/eui-a840415f31000003/up", List.of(
                LorawanClient.sample("tts-v3/uplink-laq4.json"), LorawanClient.sample("tts-v3/uplink-nps405.json")), 0);

        // The Things Stack's MQTT server delivers at most once: the refused uplink is lost, and said so
        await().atMost(WAIT).until(() -> sink.stored().size() == 1);
        assertThat(sink.stored().getFirst().uplink().devEui()).isNotEqualTo("a840415f31000003");
        assertThat(subscription.status().lastError()).isEqualTo("an uplink of a840415f31000003 could not be stored: "
                + "database unavailable (simulated) (lost: the broker delivers at most once)");
        assertThat(subscription.status().state()).isEqualTo(ConnectionStatus.CONNECTED);
    }

    @Test
    void acknowledgesAndDropsWhatIsNoUplink() throws Exception {
        MqttConnection connection = chirpStackConnection(broker.uri(), null);
        BrokerSubscription first = subscribe(connection, "abo-geheim");
        awaitConnected(first);
        chirpStack.publish(chirpStackTopic("a840415f31000003"), List.of("not json".getBytes(StandardCharsets.UTF_8),
                "{\"deviceInfo\": {\"devEui\": \"a84041\"}}".getBytes(StandardCharsets.UTF_8)), 1);
        await().atMost(WAIT).until(() -> first.status().received() == 2);
        first.stop();

        // the same session again: had the two not been acknowledged, the broker would send them before the next one
        BrokerSubscription again = subscribe(connection, "abo-geheim");
        awaitConnected(again);
        chirpStack.publish(chirpStackTopic("a840415f31000003"), LorawanClient.sample("chirpstack-v4/up-laq4.json"), 1);

        await().atMost(WAIT).until(() -> sink.stored().size() == 1);
        assertThat(again.status().received()).isEqualTo(1);
        assertThat(sink.submitted()).isEqualTo(1);
    }

    @Test
    void resumesAfterABrokerRestartWithoutGapsOrDuplicates() throws Exception {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.uri(), null), "abo-geheim");
        awaitConnected(subscription);
        publishUplinks(0, 5);
        await().atMost(WAIT).until(() -> sink.stored().size() == 5);

        broker.restart();
        await().atMost(WAIT).until(() -> subscription.status().state().equals(ConnectionStatus.CONNECTING));
        publishUplinks(5, 15);
        // published while the subscriber was away: the broker kept them in its persistent session
        assertThat(subscription.status().state()).isEqualTo(ConnectionStatus.CONNECTING);
        assertThat(subscription.status().lastError()).startsWith("connection lost");

        await().atMost(WAIT).until(() -> sink.stored().size() == 15);
        assertThat(sink.stored()).extracting(s -> s.uplink().fCnt())
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 15).boxed().toList());
        assertThat(subscription.status().state()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(subscription.status().lastError()).isNull();
    }

    @Test
    void anUplinkTheSinkRefusesIsRedeliveredAfterReconnecting() throws Exception {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.uri(), null), "abo-geheim");
        awaitConnected(subscription);
        sink.refuseNext(1);

        publishUplinks(0, 3);

        await().atMost(WAIT).until(() -> sink.stored().size() == 3);
        assertThat(sink.stored()).extracting(s -> s.uplink().fCnt()).containsExactlyInAnyOrder(0L, 1L, 2L);
        // the refused one came again (and maybe the others, whose acknowledgements the closed connection cut off)
        assertThat(sink.submitted()).isGreaterThan(3);
        assertThat(subscription.status().received()).isGreaterThan(3);
        awaitConnected(subscription);
    }

    @Test
    void acknowledgesAnUplinkTheIngestRefusesForWhatItIs() throws Exception {
        MqttConnection connection = chirpStackConnection(broker.uri(), null);
        BrokerSubscription first = subscribe(connection, "abo-geheim");
        awaitConnected(first);
        sink.refuseNext(1, ApiException.badRequest("an Observation of the uplink is refused (simulated)"));

        publishUplinks(0, 3);
        await().atMost(WAIT).until(() -> sink.stored().size() == 2);
        assertThat(first.status().state()).isEqualTo(ConnectionStatus.CONNECTED);
        first.stop();

        // the same session again: unacknowledged, the refused one would come again before the next
        BrokerSubscription again = subscribe(connection, "abo-geheim");
        awaitConnected(again);
        publishUplinks(3, 4);
        await().atMost(WAIT).until(() -> sink.stored().size() == 3);
        assertThat(sink.stored()).extracting(s -> s.uplink().fCnt()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(sink.submissions()).filteredOn(uplink -> uplink.fCnt() == 0).hasSize(1);
    }

    @Test
    void aWrongPasswordFailsWithAClearError() {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.uri(), null), "falsch");

        await().atMost(WAIT).until(() -> subscription.status().state().equals(ConnectionStatus.FAILED));
        assertThat(subscription.status().lastError()).contains("username or password");
    }

    @Test
    void connectsOverTlsTrustingTheGivenCa() throws Exception {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.tlsUri(), broker.caCertificate()),
                "abo-geheim");
        awaitConnected(subscription);

        chirpStack.publish(chirpStackTopic("a840415f31000003"), LorawanClient.sample("chirpstack-v4/up-laq4.json"), 1);

        await().atMost(WAIT).until(() -> sink.stored().size() == 1);
    }

    @Test
    void refusesABrokerCertificateItDoesNotTrust() {
        BrokerSubscription subscription = subscribe(chirpStackConnection(broker.tlsUri(), null), "abo-geheim");

        await().atMost(WAIT).until(() -> subscription.status().state().equals(ConnectionStatus.FAILED));
        assertThat(subscription.status().lastError()).startsWith("TLS handshake failed");
    }

    /** Uplinks with fCnt from..to-1, each a distinct uplink (own deduplication id), as ChirpStack sends them. */
    private static void publishUplinks(int from, int to) throws Exception {
        String sample = new String(LorawanClient.sample("chirpstack-v4/up-em500-udl.json"), StandardCharsets.UTF_8);
        List<byte[]> uplinks = new ArrayList<>();
        for (int fCnt = from; fCnt < to; fCnt++) {
            uplinks.add(sample.replaceFirst("\"deduplicationId\": \"[^\"]+\"",
                            "\"deduplicationId\": \"00000000-0000-4000-8000-" + "%012d".formatted(fCnt) + "\"")
                    .replaceFirst("\"fCnt\": \\d+", "\"fCnt\": " + fCnt).getBytes(StandardCharsets.UTF_8));
        }
        chirpStack.publish(chirpStackTopic("24e1247131000001"), uplinks, 1);
    }

    private static String chirpStackTopic(String devEui) {
        return "application/" + CHIRPSTACK_APPLICATION + "/device/" + devEui + "/event/up";
    }

    private static MqttConnection chirpStackConnection(String uri, String caCertificate) {
        return connection(NetworkServer.CHIRPSTACK, uri, "gemeinwerk", CHIRPSTACK_APPLICATION, caCertificate);
    }

    private static MqttConnection connection(NetworkServer networkServer, String uri, String username,
                                             String applicationId, String caCertificate) {
        return new MqttConnection(IDS.incrementAndGet(), 7, "test", networkServer, uri, username, applicationId,
                caCertificate, true, Instant.now(), null);
    }

    /** Until the subscription is in place: the broker keeps nothing for a session that has not subscribed yet. */
    private static void awaitConnected(BrokerSubscription subscription) {
        await().atMost(WAIT).until(() -> subscription.status().state().equals(ConnectionStatus.CONNECTED));
    }

    private BrokerSubscription subscribe(MqttConnection connection, String password) {
        BrokerSubscription subscription = new BrokerSubscription(connection, password, sink, TIMING, scheduler);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }
}
