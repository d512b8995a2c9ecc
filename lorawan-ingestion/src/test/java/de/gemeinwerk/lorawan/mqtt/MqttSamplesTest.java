package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.LorawanClient;
import de.gemeinwerk.lorawan.LorawanTestBase;
import de.gemeinwerk.lorawan.SampleExpectations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.gemeinwerk.lorawan.LorawanClient.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every uplink sample of {@code testdata/lorawan/} through a real broker (Debian's Mosquitto) as the network servers'
 * MQTT integrations publish it, received by Gemeinwerk's MQTT connections and stored by the real ingest — and the same
 * Things, Datastreams and Observations as the webhooks make of them ({@code WebhookSamplesTest}).
 */
class MqttSamplesTest extends LorawanTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "gw-geheim";
    private static final String TTS_USER = "stadtsensoren@ttn";
    private static final Pattern DEV_EUI = Pattern.compile("\"devEui\"\\s*:\\s*\"([0-9a-fA-F]{16})\"");
    private static final Pattern DEVICE_ID = Pattern.compile("\"device_id\"\\s*:\\s*\"([^\"]+)\"");

    @RegisterExtension
    static final MosquittoBroker broker = MosquittoBroker.withUsers(Map.of("gemeinwerk", PASSWORD, TTS_USER, PASSWORD,
            "network-server", "ns-geheim"));

    private final TestPublisher networkServer = new TestPublisher(broker.uri(), "network-server", "ns-geheim");

    @Test
    void everyChirpStackUplinkThroughTheBroker() throws Exception {
        LorawanClient client = SampleExpectations.registerTheFourDevices(newTenant("cs-mqtt"));
        connect(client, """
                {"name": "ChirpStack", "networkServer": "chirpstack", "uri": "%s", "username": "gemeinwerk",
                 "password": "%s", "applicationId": "%s"}""".formatted(broker.uri(), PASSWORD,
                BrokerSubscriptionTest.CHIRPSTACK_APPLICATION));
        for (String name : List.of("up", "up-em500-udl", "up-em500-udl-raw", "up-em500-swl", "up-laq4", "up-nps405",
                "join", "status", "ack", "txack", "log", "location")) {
            byte[] body = sample("chirpstack-v4/" + name + ".json");
            String event = name.startsWith("up") ? "up" : name;
            // ChirpStack's topic names the device by its lowercase DevEUI; Gemeinwerk subscribes to event/up only
            networkServer.publish("application/" + BrokerSubscriptionTest.CHIRPSTACK_APPLICATION + "/device/"
                    + field(DEV_EUI, body).toLowerCase() + "/event/" + event, body, 1);
        }

        awaitObservations(client);
        SampleExpectations.checkObservations(client, "chirpstack", "ac1f09fffe0a1b2c");
        await().atMost(WAIT).until(() -> quarantined(client).equals(List.of("0101010101010101")));
    }

    @Test
    void everyTheThingsStackUplinkThroughTheBroker() throws Exception {
        LorawanClient client = SampleExpectations.registerTheFourDevices(newTenant("tts-mqtt"));
        connect(client, """
                {"name": "TTN", "networkServer": "the-things-stack", "uri": "%s", "username": "%s",
                 "password": "%s", "applicationId": "stadtsensoren"}""".formatted(broker.uri(), TTS_USER, PASSWORD));
        for (String name : List.of("uplink", "mqtt-uplink", "uplink-em500-udl", "uplink-em500-udl-raw",
                "uplink-em500-swl", "uplink-laq4", "uplink-nps405")) {
            byte[] body = sample("tts-v3/" + name + ".json");
            // The Things Stack's MQTT server offers QoS 0 only
            networkServer.publish("v3/" + TTS_USER + "/devices/" + field(DEVICE_ID, body) + "/up", body, 0);
        }
        for (String name : List.of("join", "mqtt-join")) {
            networkServer.publish("v3/" + TTS_USER + "/devices/" + field(DEVICE_ID, sample("tts-v3/" + name + ".json"))
                    + "/join", sample("tts-v3/" + name + ".json"), 0);
        }

        awaitObservations(client);
        SampleExpectations.checkObservations(client, "the-things-stack", "eui-ac1f09fffe0a1b2c");
        await().atMost(WAIT).until(() -> quarantined(client).equals(List.of("0004a30b001c0530", "4200000000000000")));
    }

    /** Creates the connection and waits until it is subscribed (QoS 0 messages published before would be lost). */
    private static void connect(LorawanClient client, String connection) {
        JsonNode created = client.admin("POST", "/mqtt-connections", connection, 201);
        assertThat(created.has("password")).isFalse();
        await().atMost(WAIT).until(() -> client.admin("GET", "/mqtt-connections", null, 200).get(0).get("status")
                .get("state").asString().equals("connected"));
    }

    private static void awaitObservations(LorawanClient client) {
        await().atMost(WAIT).until(() -> client.sta().get("Observations?$count=true&$top=0").get("@iot.count")
                .asInt() >= SampleExpectations.OBSERVATIONS);
        assertThat(client.sta().get("Observations?$count=true&$top=0").get("@iot.count").asInt())
                .isEqualTo(SampleExpectations.OBSERVATIONS);
    }

    private static List<String> quarantined(LorawanClient client) {
        return client.admin("GET", "/quarantine", null, 200).valueStream().map(d -> d.get("devEui").asString())
                .sorted().toList();
    }

    private static String field(Pattern pattern, byte[] body) {
        Matcher matcher = pattern.matcher(new String(body, StandardCharsets.UTF_8));
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }
}
