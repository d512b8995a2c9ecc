package de.gemeinwerk.console;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.accounts.StaffAccounts;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.StaClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.concurrent.atomic.AtomicInteger;

/** What every test of the running console has: its port, tenants with accounts, and a signed-in browser. */
@ConsoleTest
public abstract class ConsoleTestBase {

    /** Every test account's password (long enough for the rules). */
    public static final String PASSWORD = "ein-langes-Passwort-2026";
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    protected int port;
    @Autowired
    protected Tenants tenants;
    @Autowired
    protected ApiKeys keys;
    @Autowired
    protected StaffAccounts accounts;
    @Autowired
    protected JdbcClient jdbc;

    /** A new tenant with an API key (for seeding through the SensorThings API) and a staff account "admin". */
    protected StaClient tenantWithAccount(String prefix) {
        StaClient sta = StaClient.newTenant(port, tenants, keys, prefix + NEXT.incrementAndGet());
        accounts.create(sta.tenant().id(), "admin", "Erika Mustermann", PASSWORD);
        return sta;
    }

    /** A browser signed in to the tenant's console as "admin". */
    protected ConsoleClient signedIn(Tenant tenant) {
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        browser.signIn("admin", PASSWORD);
        return browser;
    }

    protected Tenant tenantWithoutAccount(String prefix) {
        Tenant tenant = tenants.create(prefix + NEXT.incrementAndGet() + "-" + System.nanoTime() % 10000, "Nachbarort",
                false);
        keys.create(tenant.id(), "k", Role.ADMIN);
        return tenant;
    }
}
