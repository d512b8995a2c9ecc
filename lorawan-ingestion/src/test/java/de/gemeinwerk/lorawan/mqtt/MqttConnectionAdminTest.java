package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.secrets.SecretBox;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static de.gemeinwerk.platform.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admin API of MQTT connections over real HTTP, with connections to a real Mosquitto; several instances. */
@MqttTest
class MqttConnectionAdminTest {

    private static final String PASSWORD = "abo-geheim-4711";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final MosquittoBroker broker = MosquittoBroker.withUsers(Map.of("gemeinwerk", PASSWORD,
            "chirpstack", "cs-geheim"));

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    RecordingSink sink;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MqttConnections connections;
    @Autowired
    MqttConnectionStore store;
    @Autowired
    MqttProperties timing;
    @Autowired
    DataSource dataSource;

    @Test
    void aCreatedConnectionDeliversUplinksUntilDeleted() throws Exception {
        StaClient admin = tenant();
        HttpResponse<String> created = send(admin, "POST", "", chirpStack(broker.uri(), PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode connection = StaClient.json(created.body());
        assertThat(connection.get("networkServer").asString()).isEqualTo("chirpstack");
        assertThat(connection.get("topic").asString())
                .isEqualTo("application/" + BrokerSubscriptionTest.CHIRPSTACK_APPLICATION + "/device/+/event/up");
        long id = connection.get("id").asLong();

        await().atMost(WAIT).until(() -> status(admin, 0).get("state").asString().equals("connected"));
        publishSample();

        await().atMost(WAIT).until(() -> sink.stored(admin.tenant().id()).size() == 1);
        assertThat(sink.stored(admin.tenant().id()).getFirst().uplink().devEui()).isEqualTo("a840415f31000003");
        JsonNode status = status(admin, 0);
        assertThat(status.get("received").asLong()).isEqualTo(1);
        assertThat(status.get("lastMessageAt").asString()).isNotBlank();

        assertThat(send(admin, "DELETE", "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(StaClient.json(send(admin, "GET", "", null).body())).isEmpty();
        assertProblem(send(admin, "DELETE", "/" + id, null), 404, path(admin) + "/" + id);
    }

    @Test
    void neverShowsOrStoresThePasswordInClear() {
        StaClient admin = tenant();
        HttpResponse<String> created = send(admin, "POST", "", chirpStack(broker.uri(), PASSWORD));
        HttpResponse<String> list = send(admin, "GET", "", null);

        for (HttpResponse<String> response : List.of(created, list)) {
            assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain("password").doesNotContain("v1:");
        }
        String sealed = jdbc.sql("select password_sealed from lorawan_mqtt_connection where tenant_id = ?")
                .param(admin.tenant().id()).query(String.class).single();
        assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordShowsAsFailed() {
        StaClient admin = tenant();
        assertThat(send(admin, "POST", "", chirpStack(broker.uri(), "falsch")).statusCode()).isEqualTo(201);

        await().atMost(WAIT).until(() -> status(admin, 0).get("state").asString().equals("failed"));
        assertThat(status(admin, 0).get("lastError").asString()).contains("username or password");
    }

    @Test
    void aPasswordSealedWithAnotherKeyShowsAsFailed() {
        StaClient admin = tenant();
        String foreignSealed = new SecretBox(SecretBox.newKey()).seal(PASSWORD,
                "lorawan_mqtt_connection.password/tenant " + admin.tenant().id());
        jdbc.sql("""
                        insert into lorawan_mqtt_connection (tenant_id, name, network_server, uri, username,
                            password_sealed, application_id)
                        values (?, 'restored from another installation', 'chirpstack', ?, 'gemeinwerk', ?, ?)""")
                .params(admin.tenant().id(), broker.uri(), foreignSealed, BrokerSubscriptionTest.CHIRPSTACK_APPLICATION)
                .update();

        // the next claim round opens it from the table, as a start would
        await().atMost(WAIT).until(() -> !status(admin, 0).isNull());
        JsonNode status = status(admin, 0);
        assertThat(status.get("state").asString()).isEqualTo("failed");
        assertThat(status.get("lastError").asString()).startsWith("the password cannot be opened: The secret was sealed"
                + " with key ");
    }

    @Test
    void connectionsAreTheTenantsOwn() {
        StaClient admin = tenant();
        StaClient neighbour = tenant();
        long id = StaClient.json(send(admin, "POST", "", chirpStack(broker.uri(), PASSWORD)).body()).get("id").asLong();

        assertProblem(send(admin.withKey(neighbour.key()), "GET", "", null), 403, path(admin));
        assertProblem(send(admin.withKey(neighbour.key()), "POST", "", chirpStack(broker.uri(), PASSWORD)), 403,
                path(admin));
        assertThat(StaClient.json(send(neighbour, "GET", "", null).body())).isEmpty();
        assertProblem(send(neighbour, "DELETE", "/" + id, null), 404, path(neighbour) + "/" + id);
        assertThat(StaClient.json(send(admin, "GET", "", null).body())).hasSize(1);
        assertProblem(send(admin, "GET", "", null, null), 401, path(admin));
    }

    @Test
    void refusesBadSettingsNamingTheField() throws Exception {
        StaClient admin = tenant();
        String ttsSettings = """
                {"name": "TTN", "networkServer": "the-things-stack", "uri": "ssl://eu1.cloud.thethings.network:8883",
                 "username": "other-app@ttn", "password": "NNSXS.X", "applicationId": "municipal-sensors"}""";
        String valid = chirpStack(broker.uri(), PASSWORD);
        String notACertificate = "\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\"";
        Map<String, String> fieldOfBody = Map.of(
                chirpStack("http://broker.example.org", PASSWORD), "body: /uri",
                chirpStack("tcp://", PASSWORD), "body: /uri",
                chirpStack("ssl://broker.example.org:8883/mqtt", PASSWORD), "body: /uri",
                chirpStack(broker.tlsUri(), PASSWORD).replace("}", ", \"caCertificate\": " + notACertificate + "}"),
                "body: /caCertificate",
                valid.replace("\"name\": \"ChirpStack der Stadtwerke\", ", ""), "body: /name",
                valid.replace("\"chirpstack\"", "\"loriot\""), "body: /networkServer",
                valid.replace(BrokerSubscriptionTest.CHIRPSTACK_APPLICATION, "app-1"), "body: /applicationId",
                valid.replace("\"username\": \"gemeinwerk\", ", ""), "body: /username",
                valid.replace("}", ", \"port\": 1883}"), "body: /port",
                ttsSettings, "body: /username");
        for (var body : fieldOfBody.entrySet()) {
            JsonNode problem = assertProblem(send(admin, "POST", "", body.getKey()), 400, path(admin));
            assertThat(problem.get("where").asString()).as(body.getKey()).isEqualTo(body.getValue());
        }
        // a CA certificate that is one is accepted
        String caCertificate = JsonMapper.shared().writeValueAsString(broker.caCertificate());
        assertThat(send(admin, "POST", "", chirpStack(broker.tlsUri(), PASSWORD).replace("}",
                ", \"caCertificate\": " + caCertificate + "}")).statusCode()).isEqualTo(201);
        await().atMost(WAIT).until(() -> status(admin, 0).get("state").asString().equals("connected"));
    }

    /**
     * Two instances on one database (this application and a second {@link MqttConnections} on the same tables): a
     * connection is held by one of them, the other takes it over when the holder stops and shows the holder's status,
     * and a deletion through one closes it on the other.
     */
    @Test
    void oneInstanceHoldsAConnectionAndAnotherTakesOverWhenItStops() throws Exception {
        StaClient admin = tenant();
        long id = StaClient.json(send(admin, "POST", "", chirpStack(broker.uri(), PASSWORD)).body()).get("id").asLong();
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
            publishSample();
            await().atMost(WAIT).until(() -> otherSink.stored(admin.tenant().id()).size() == 1);

            // this instance, not holding it, shows the status the holder reports every round
            connections.start();
            other.claimRound();
            JsonNode reported = status(admin, 0);
            assertThat(reported.get("state").asString()).isEqualTo("connected");
            assertThat(reported.get("received").asLong()).isEqualTo(1);

            assertThat(send(admin, "DELETE", "/" + id, null).statusCode()).isEqualTo(204);
            other.claimRound();
            assertThat(other.status(id)).isEmpty();
        } finally {
            other.stop();
            if (!connections.isRunning()) {
                connections.start();
            }
        }
    }

    private static void publishSample() throws Exception {
        new TestPublisher(broker.uri(), "chirpstack", "cs-geheim").publish("application/"
                        + BrokerSubscriptionTest.CHIRPSTACK_APPLICATION + "/device/a840415f31000003/event/up",
                LorawanClient.sample("chirpstack-v4/up-laq4.json"), 1);
    }

    private StaClient tenant() {
        return StaClient.newTenant(port, tenants, keys, "mqtt");
    }

    private static String chirpStack(String uri, String password) {
        return """
                {"name": "ChirpStack der Stadtwerke", "networkServer": "chirpstack", "uri": "%s", \
                "username": "gemeinwerk", "password": "%s", "applicationId": "%s"}"""
                .formatted(uri, password, BrokerSubscriptionTest.CHIRPSTACK_APPLICATION);
    }

    private static JsonNode status(StaClient admin, int index) {
        return StaClient.json(send(admin, "GET", "", null).body()).get(index).get("status");
    }

    private static String path(StaClient client) {
        return "/" + client.tenant().slug() + "/admin/v1/lorawan/mqtt-connections";
    }

    private static HttpResponse<String> send(StaClient client, String method, String path, String body) {
        return send(client, method, path, body, client.key());
    }

    private static HttpResponse<String> send(StaClient client, String method, String path, String body, String key) {
        return client.http().sendJson(method, path(client) + path, body, key);
    }
}
