package de.gemeinwerk.sensorthings.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real MQTT client (Eclipse Paho) for the tests, and what its subscriptions received. */
final class TestMqtt implements AutoCloseable {

    /** A received message. */
    record Message(String topic, String payload) {}

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    final MqttClient client;
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

    private TestMqtt(MqttClient client) {
        this.client = client;
    }

    /** Connected with the API key as password, or anonymously when the key is null. */
    static TestMqtt connect(int port, String key) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "test-" + CLIENTS.incrementAndGet(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (key != null) {
            options.setUserName("gemeinwerk");
            options.setPassword(key.toCharArray());
        }
        client.connect(options);
        return new TestMqtt(client);
    }

    /** Subscribes at QoS 1; returns the granted QoS (128: refused). */
    int subscribe(String topic) throws MqttException {
        return client.subscribeWithResponse(topic, 1, (t, message) ->
                received.add(new Message(t, new String(message.getPayload(), StandardCharsets.UTF_8))))
                .getGrantedQos()[0];
    }

    /** Publishes at QoS 1 and waits for the PUBACK. */
    void publish(String topic, String json) throws MqttException {
        client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next message, waiting up to 10 s; null if none came. */
    Message next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    /** Nothing arrives within a second (used after something else did arrive, so delivery is known to work). */
    Message nextWithinASecond() throws InterruptedException {
        return received.poll(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
