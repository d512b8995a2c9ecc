package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import java.time.Instant;

/**
 * A connection as the admin API shows it: the settings without the password (it is never returned, not even
 * sealed), the topic subscribed, and the live status on this instance.
 *
 * @param status live when this instance holds the connection, else as the holding instance last reported it (at
 *               most a claim interval ago); null when no instance has held it yet, or it is disabled
 */
public record MqttConnectionView(long id, String name, String networkServer, String uri, String username,
                          String applicationId, String topic, String caCertificate, boolean enabled,
                          Instant createdAt, ConnectionStatus status) {

    static MqttConnectionView of(MqttConnection connection, ConnectionStatus status) {
        return new MqttConnectionView(connection.id(), connection.name(),
                NetworkServerNames.name(connection.networkServer()), connection.uri(), connection.username(),
                connection.applicationId(), connection.topic(), connection.caCertificate(), connection.enabled(),
                connection.createdAt(), status);
    }
}
