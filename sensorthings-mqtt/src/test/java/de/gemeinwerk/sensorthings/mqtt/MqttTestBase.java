package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.observations.IngestTenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the MQTT tests share: the server's ports, fresh tenants, topics of a tenant. */
@MqttTest
abstract class MqttTestBase {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;
    @Autowired
    MqttBroker broker;

    IngestTenant newTenant() {
        return IngestTenant.create(port, tenants, keys);
    }

    /** The MQTT topic of a path below the tenant's service root. */
    static String topic(StaClient client, String path) {
        return client.tenant().slug() + "/v1.1/" + path;
    }
}
