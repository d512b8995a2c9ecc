package de.gemeinwerk.lorawan;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every LoRaWAN test against the running server needs: its port and fresh tenants with an admin key. */
@LorawanTest
public abstract class LorawanTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected Tenants tenants;
    @Autowired
    protected ApiKeys keys;

    /** A fresh tenant ({@code prefix-N}) seen through its admin API, webhooks and SensorThings service. */
    protected LorawanClient newTenant(String prefix) {
        return LorawanClient.newTenant(port, tenants, keys, prefix);
    }
}
