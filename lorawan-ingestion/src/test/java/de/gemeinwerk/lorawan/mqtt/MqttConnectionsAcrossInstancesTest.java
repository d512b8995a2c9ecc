package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database (this application and a second {@link MqttConnections} on the same tables): each
 * connection is held by one of them, the other takes it over when the holder stops, and a deletion through one
 * closes it on the other.
 */
@MqttTest
class MqttConnectionsAcrossInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MosquittoBroker broker = MosquittoBroker.withUsers(Map.of("gemeinwerk", "abo-geheim",
            "chirpstack", "cs-geheim"));

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    MqttConnections connections;
    @Autowired
    MqttConnectionStore store;
    @Autowired
    MqttProperties timing;
    @Autowired
    DataSource dataSource;

    @Test
    void oneInstanceHoldsAConnectionAndAnotherTakesOverWhenItStops() throws Exception {
        StaClient admin = StaClient.newTenant(port, tenants, keys, "mqtt-instances");
        String path = "/" + admin.tenant().slug() + "/admin/v1/lorawan/mqtt-connections";
        long id = StaClient.json(admin.http().sendJson("POST", path, """
                {"name": "ChirpStack", "networkServer": "chirpstack", "uri": "%s", "username": "gemeinwerk",
                 "password": "abo-geheim", "applicationId": "%s"}""".formatted(broker.uri(),
                BrokerSubscriptionTest.CHIRPSTACK_APPLICATION), admin.key()).body()).get("id").asLong();
        await().atMost(WAIT).until(() -> connections.status(id).map(ConnectionStatus::state)
                .orElse("").equals(ConnectionStatus.CONNECTED));
        RecordingSink otherSink = new RecordingSink();
        MqttConnections other = new MqttConnections(store, otherSink, timing, dataSource);
        other.start();
        try {
            other.claimRound();
            assertThat(other.status(id)).isEmpty();

            connections.stop();
            other.claimRound();
            await().atMost(WAIT).until(() -> other.status(id).map(ConnectionStatus::state)
                    .orElse("").equals(ConnectionStatus.CONNECTED));
            new TestPublisher(broker.uri(), "chirpstack", "cs-geheim").publish("application/"
                            + BrokerSubscriptionTest.CHIRPSTACK_APPLICATION + "/device/a840415f31000003/event/up",
                    TestPublisher.sample("chirpstack-v4/up-laq4.json"), 1);
            await().atMost(WAIT).until(() -> otherSink.stored(admin.tenant().id()).size() == 1);

            connections.start();
            assertThat(admin.http().sendJson("DELETE", path + "/" + id, null, admin.key()).statusCode()).isEqualTo(204);
            other.claimRound();
            assertThat(other.status(id)).isEmpty();
        } finally {
            other.stop();
            if (!connections.isRunning()) {
                connections.start();
            }
        }
    }
}
