package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.CommandOutput;
import de.gemeinwerk.platform.PlatformTest;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.platform.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The account commands against the embedded database; the password comes from a stand-in for the terminal. */
@PlatformTest
class AccountCommandsTest {

    @Autowired
    Tenants tenants;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    LocalLogin login;

    private final CommandOutput output = new CommandOutput();

    @Test
    void createsListsDisablesAndChangesPasswords() {
        Tenant tenant = tenants.create("cli-accounts", "Konten", false);
        assertThat(execute("ein-langes-Passwort-1", "account", "create", "cli-accounts", "Erika", "Erika Mustermann"))
                .as(output.err()).isZero();
        assertThat(output.out()).contains("Created account erika (Erika Mustermann) for tenant cli-accounts");
        assertThat(login.signIn(tenant, "erika", "ein-langes-Passwort-1", "cli"))
                .isInstanceOf(LocalLogin.Outcome.SignedIn.class);

        assertThat(execute(null, "account", "list", "cli-accounts")).isZero();
        assertThat(output.out()).contains("erika\tadmin\tactive\t").contains("Erika Mustermann")
                .doesNotContain("Passwort");

        assertThat(execute("ein-neues-Passwort-22", "account", "password", "cli-accounts", "erika")).isZero();
        assertThat(login.signIn(tenant, "erika", "ein-langes-Passwort-1", "cli2"))
                .isInstanceOf(LocalLogin.Outcome.Refused.class);
        assertThat(login.signIn(tenant, "erika", "ein-neues-Passwort-22", "cli2"))
                .isInstanceOf(LocalLogin.Outcome.SignedIn.class);

        assertThat(execute(null, "account", "disable", "cli-accounts", "erika")).isZero();
        assertThat(login.signIn(tenant, "erika", "ein-neues-Passwort-22", "cli3"))
                .isInstanceOf(LocalLogin.Outcome.Refused.class);
    }

    @Test
    void refusesShortOrMissingPasswordsDuplicatesAndBadUsage() {
        tenants.create("cli-refusals", "Absagen", false);
        assertThat(execute("kurz", "account", "create", "cli-refusals", "max", "Max")).isEqualTo(1);
        assertThat(output.err()).contains("12 to 500 characters").doesNotContain("kurz");
        assertThat(execute(null, "account", "create", "cli-refusals", "max", "Max")).isEqualTo(1);
        assertThat(output.err()).contains("No password");
        assertThat(execute("ein-langes-Passwort-1", "account", "create", "--instance", "betrieb", "Betrieb")).isZero();
        assertThat(execute("ein-langes-Passwort-1", "account", "create", "--instance", "betrieb", "Betrieb"))
                .isEqualTo(1);
        assertThat(output.err()).contains("already");
        assertThat(execute(null, "account", "create", "cli-refusals", "max")).isEqualTo(2);
        assertThat(execute(null, "account", "list", "gibt-es-nicht")).isEqualTo(1);
    }

    private int execute(String password, String... command) {
        output.reset();
        return new AccountCommands(tenants, accounts, prompt -> password)
                .execute(List.of(command), output.outStream(), output.errStream());
    }
}
