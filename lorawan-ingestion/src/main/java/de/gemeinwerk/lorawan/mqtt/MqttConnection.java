package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.uplink.NetworkServer;

import java.time.Instant;

/**
 * A stored subscription to a network server's MQTT broker (table lorawan_mqtt_connection). The password stays sealed
 * here; {@link MqttConnectionStore#password} opens it only to connect.
 *
 * @param applicationId  ChirpStack: the application's UUID; The Things Stack: the application id
 * @param caCertificate  PEM of a CA trusted in addition to the JVM's trust store, or null
 * @param sealedPassword the password sealed by {@link de.gemeinwerk.platform.secrets.SecretBox}, or null
 */
public record MqttConnection(long id, long tenantId, String name, NetworkServer networkServer, String uri,
                             String username, String applicationId, String caCertificate, boolean enabled,
                             Instant createdAt, String sealedPassword) {

    /**
     * The uplinks of the application: ChirpStack's MQTT integration publishes each event on
     * {@code application/{id}/device/{devEui}/event/{event}}; The Things Stack's MQTT server on
     * {@code v3/{username}/devices/{device id}/up}, where the username is {@code app@tenant} (or the bare application
     * id on The Things Stack Open Source), so the username names the topic tree.
     */
    public String topic() {
        return switch (networkServer) {
            case CHIRPSTACK -> "application/" + applicationId + "/device/+/event/up";
            case THE_THINGS_STACK -> "v3/" + username + "/devices/+/up";
        };
    }

    /**
     * QoS 1 where the broker offers it: with a persistent session the broker queues uplinks while Gemeinwerk is away
     * and redelivers those it did not acknowledge. The Things Stack's MQTT server offers QoS 0 only, so uplinks
     * published while the connection is down (during a reconnect, a restart) are lost there — the webhook
     * integration, which retries, is the gap-free way for The Things Stack.
     */
    public int qos() {
        return networkServer == NetworkServer.CHIRPSTACK ? 1 : 0;
    }

    /** A session the broker keeps across connections; only worth it where messages are acknowledged (QoS 1). */
    public boolean persistentSession() {
        return qos() > 0;
    }

    /**
     * Stable across restarts, because the broker finds the persistent session (and the uplinks queued in it) by the
     * client id; unique per connection, because a broker disconnects a client when another one takes its id.
     */
    public String clientId() {
        return "gemeinwerk-lorawan-" + id;
    }
}
