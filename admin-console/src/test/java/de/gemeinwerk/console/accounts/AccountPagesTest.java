package de.gemeinwerk.console.accounts;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.platform.accounts.StaffAccount;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts page over real HTTP: a colleague's account created, signing in with it, disabling it. */
class AccountPagesTest extends ConsoleTestBase {

    @Test
    void anAdminCreatesAndDisablesAColleaguesAccount() {
        StaClient sta = tenantWithAccount("accounts");
        ConsoleClient admin = signedIn(sta.tenant());
        String page = admin.console() + "konten";
        HttpResponse<String> created = admin.submit(page, page, Map.of("login", "M.Muster", "displayName",
                "Max Muster", "password", "ein-anderes-Passwort", "passwordAgain", "ein-anderes-Passwort"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get(page + "?angelegt=m.muster").body()).contains("Max Muster").contains("ist angelegt")
                .doesNotContain("ein-anderes-Passwort");

        ConsoleClient colleague = new ConsoleClient(port, sta.tenant().slug());
        colleague.signIn("m.muster", "ein-anderes-Passwort");
        assertThat(colleague.get(colleague.console()).body()).contains("Max Muster");

        long id = accounts.list(sta.tenant().id()).stream().filter(a -> a.login().equals("m.muster"))
                .findFirst().map(StaffAccount::id).orElseThrow();
        assertThat(admin.get(page + "/" + id + "/sperren").body()).contains("Konto sperren?");
        assertThat(admin.submit(page + "/" + id + "/sperren", page + "/" + id + "/sperren", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(colleague.get(colleague.console()).statusCode()).isEqualTo(303);
    }

    @Test
    void badInputGetsTheFormAgainAndOneCannotDisableOneself() {
        StaClient sta = tenantWithAccount("accounts");
        ConsoleClient admin = signedIn(sta.tenant());
        String page = admin.console() + "konten";
        HttpResponse<String> bad = admin.submit(page, page, Map.of("login", "Leer zeichen", "displayName", "",
                "password", "kurz", "passwordAgain", "kurz"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("href=\"#login\"").contains("value=\"Leer zeichen\"");
        HttpResponse<String> differ = admin.submit(page, page, Map.of("login", "x.y", "displayName", "X",
                "password", "ein-langes-Passwort-1", "passwordAgain", "ein-langes-Passwort-2"));
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(differ.body()).contains("href=\"#passwordAgain\"");
        HttpResponse<String> taken = admin.submit(page, page, Map.of("login", "admin", "displayName", "X",
                "password", "ein-langes-Passwort-1", "passwordAgain", "ein-langes-Passwort-1"));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("Diesen Benutzernamen gibt es schon.");

        long own = accounts.list(sta.tenant().id()).getFirst().id();
        assertThat(admin.get(page + "/" + own + "/sperren").statusCode()).isEqualTo(404);
        // another tenant's account neither
        StaClient other = tenantWithAccount("accounts");
        long theirs = accounts.list(other.tenant().id()).getFirst().id();
        assertThat(admin.post(page + "/" + theirs + "/sperren", Map.of("_csrf", admin.csrf(page))).statusCode())
                .isEqualTo(404);
        assertThat(accounts.list(other.tenant().id()).getFirst().disabled()).isFalse();
    }
}
