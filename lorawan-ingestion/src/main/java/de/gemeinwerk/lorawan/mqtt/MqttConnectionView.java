package de.gemeinwerk.lorawan.mqtt;

import java.time.Instant;

/**
 * A connection as the admin API shows it: the settings without the password (it is never returned, not even
 * sealed), the topic subscribed, and the live status on this instance.
 *
 * @param status null when the connection is not open on this instance (disabled, or the application is stopping)
 */
record MqttConnectionView(long id, String name, String networkServer, String uri, String username,
                          String applicationId, String topic, String caCertificate, boolean enabled,
                          Instant createdAt, ConnectionStatus status) {

    static MqttConnectionView of(MqttConnection connection, ConnectionStatus status) {
        return new MqttConnectionView(connection.id(), connection.name(),
                NetworkServerNames.name(connection.networkServer()), connection.uri(), connection.username(),
                connection.applicationId(), connection.topic(), connection.caCertificate(), connection.enabled(),
                connection.createdAt(), status);
    }
}
