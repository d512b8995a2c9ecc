package de.gemeinwerk.lorawan.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.util.List;

/** Publishes as a network server does, with its own Paho client; each call connects, publishes and disconnects. */
record TestPublisher(String uri, String username, String password) {

    void publish(String topic, byte[] payload, int qos) throws MqttException {
        publish(topic, List.of(payload), qos);
    }

    /** Publishes the payloads in order over one connection. */
    void publish(String topic, List<byte[]> payloads, int qos) throws MqttException {
        MqttClient client = new MqttClient(uri, "test-publisher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        options.setCleanSession(true);
        client.connect(options);
        try {
            // QoS 1 waits for the broker's PUBACK: when publish returns, the broker has the message
            for (byte[] payload : payloads) {
                client.publish(topic, payload, qos, false);
            }
        } finally {
            client.disconnect();
            client.close();
        }
    }
}
