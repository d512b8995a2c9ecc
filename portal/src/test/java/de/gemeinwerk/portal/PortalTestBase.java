package de.gemeinwerk.portal;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every test of the running portal has: its port, and a way to seed a municipality of its own. */
@PortalTest
public abstract class PortalTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected Tenants tenants;
    @Autowired
    protected ApiKeys keys;

    /** A new municipality with Things, Datastreams and Observations ({@link PortalSeed}). */
    protected PortalSeed seed(String prefix) {
        return PortalSeed.create(port, tenants, keys, prefix);
    }

    /** A tenant with private reads (and a key): it has no public portal. */
    protected Tenant privateTenant(String prefix) {
        Tenant hidden = tenants.create(prefix + "-" + System.nanoTime() % 100000, "Verborgenes Dorf", true);
        keys.create(hidden.id(), "k", Role.ADMIN);
        return hidden;
    }
}
