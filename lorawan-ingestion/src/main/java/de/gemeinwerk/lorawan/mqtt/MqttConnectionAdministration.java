package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.error.ApiException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * Managing a tenant's MQTT connections, for the admin API and the console alike: a created connection is opened at
 * once, a deleted one closed.
 */
@Service
public class MqttConnectionAdministration {

    private final MqttConnectionStore store;
    private final MqttConnections connections;

    public MqttConnectionAdministration(MqttConnectionStore store, MqttConnections connections) {
        this.store = store;
        this.connections = connections;
    }

    /** Checks, stores and opens the connection; 400 naming the first wrong field. */
    public MqttConnectionView create(long tenantId, MqttConnectionRequest request) {
        MqttConnection created = store.create(tenantId, request.validate());
        connections.open(created);
        return MqttConnectionView.of(created, connections.status(created.id()).orElse(null));
    }

    /** The tenant's connections with their status. */
    public List<MqttConnectionView> list(long tenantId) {
        Map<Long, ConnectionStatus> reported = store.reported(tenantId);
        // live where this instance holds the connection, else as its holder last reported it
        return store.list(tenantId).stream().map(connection -> MqttConnectionView.of(connection,
                connections.status(connection.id()).orElse(reported.get(connection.id())))).toList();
    }

    /** Deletes and closes the connection; 404 when the tenant has none of this id. */
    public void delete(long tenantId, long id) {
        if (!store.delete(tenantId, id)) {
            throw ApiException.notFound("This tenant has no MQTT connection " + id + ".");
        }
        connections.close(id);
    }
}
