package de.gemeinwerk.platform.admin;

import de.gemeinwerk.platform.CommandOutput;
import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformTest
class AdminCommandTest {

    @Autowired
    Tenants tenants;
    @Autowired
    ApiKeys apiKeys;

    private final CommandOutput output = new CommandOutput();

    @Test
    void createsAndListsTenants() {
        assertThat(execute("tenant", "create", "cli-stadt", "Stadt an der Kommandozeile", "--private")).isZero();
        assertThat(tenants.require("cli-stadt").privateReads()).isTrue();

        assertThat(execute("tenant", "list")).isZero();
        assertThat(out()).contains("cli-stadt\tprivate\tStadt an der Kommandozeile");

        assertThat(execute("tenant", "create", "cli-stadt", "Again")).isEqualTo(AdminCommands.FAILED);
        assertThat(err()).contains("already exists");
    }

    @Test
    void createsListsAndRevokesKeys() {
        tenants.create("cli-keys", "Keys", false);

        assertThat(execute("key", "create", "cli-keys", "gateway", "write")).isZero();
        String key = out().strip();
        assertThat(key).matches("gw_[A-Za-z0-9_-]{43}");
        long id = apiKeys.findActive(key).orElseThrow().id();

        assertThat(execute("key", "list", "cli-keys")).isZero();
        assertThat(out()).contains(id + "\twrite\tactive").doesNotContain(key);

        assertThat(execute("key", "revoke", String.valueOf(id))).isZero();
        assertThat(apiKeys.findActive(key)).isEmpty();
    }

    @Test
    void createsInstanceKeys() {
        assertThat(execute("key", "create", "--instance", "operator", "admin")).isZero();
        assertThat(apiKeys.findActive(out().strip())).hasValueSatisfying(
                key -> assertThat(key.isInstanceAdmin()).isTrue());
    }

    @Test
    void wrongUsageIsExitCode2() {
        assertThat(execute("tenant", "delete", "x")).isEqualTo(AdminCommands.USAGE_ERROR);
        assertThat(err()).contains("Usage: admin");
        assertThat(AdminCommand.run(new String[]{"admin"}, output.outStream(), output.errStream()))
                .isEqualTo(AdminCommands.USAGE_ERROR);
    }

    /** The real entry point, with its own context and embedded database (in a temporary directory). */
    @Test
    void entryPointRunsACommandWithoutWebServer() {
        int exit = AdminCommand.run(new String[]{"admin", "tenant", "create", "cli-own", "Own",
                "--gemeinwerk.database.embedded.temporary=true"},
                output.outStream(), output.errStream());

        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("Created tenant cli-own");
        assertThat(AdminCommand.isAdminCommand(new String[]{"admin", "tenant", "list"})).isTrue();
        assertThat(AdminCommand.isAdminCommand(new String[]{"--server.port=8080"})).isFalse();
    }

    private int execute(String... command) {
        output.reset();
        return new AdminCommands(tenants, apiKeys, List.of()).execute(List.of(command), output.outStream(),
                output.errStream());
    }

    private String out() {
        return output.out();
    }

    private String err() {
        return output.err();
    }
}
