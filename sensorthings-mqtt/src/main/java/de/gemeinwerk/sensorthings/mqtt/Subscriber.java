package de.gemeinwerk.sensorthings.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;

/** A connected client that receives the messages of its subscriptions. */
interface Subscriber {

    /** Sends the message unless the client is gone or too slow to take it (delivery is best effort). */
    void deliver(String topic, byte[] payload, MqttQoS qos);

    /** The API key the client connected with, or null. */
    String key();
}
