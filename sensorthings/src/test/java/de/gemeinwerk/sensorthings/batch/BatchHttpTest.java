package de.gemeinwerk.sensorthings.batch;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Batches over real HTTP: each test gets a fresh tenant with an admin key. */
@SensorThingsTest
abstract class BatchHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys keys;

    BatchTenant tenant;

    @BeforeEach
    void newTenant() {
        tenant = BatchTenant.create(port, tenants, keys);
    }
}
