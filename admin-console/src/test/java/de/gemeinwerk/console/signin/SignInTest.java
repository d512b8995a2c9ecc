package de.gemeinwerk.console.signin;

import de.gemeinwerk.console.ConsoleClient;
import de.gemeinwerk.console.ConsoleTestBase;
import de.gemeinwerk.platform.accounts.LoginThrottle;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.sensorthings.StaClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login, logout, session ends, the way back after login, CSRF and throttling — over real HTTP. */
class SignInTest extends ConsoleTestBase {

    @Autowired
    LoginThrottle throttle;

    @Test
    void aPageWithoutSessionSendsToTheLoginPageWithTheWayBack() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        HttpResponse<String> page = browser.get(browser.console() + "?lang=de");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue(browser.console()
                + "anmelden?weiter=/" + tenant.slug() + "/verwaltung/?lang%3Dde");

        HttpResponse<String> login = browser.submit(page.headers().firstValue("Location").orElseThrow(),
                browser.console() + "anmelden", Map.of("login", "Admin", "password", PASSWORD,
                "weiter", browser.console() + "?lang=de"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue(browser.console() + "?lang=de");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");

        HttpResponse<String> overview = browser.get(browser.console());
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Erika Mustermann").contains("Übersicht");
        assertThat(overview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(overview.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");
    }

    @Test
    void theWayBackStaysInsideTheTenantsConsole() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        HttpResponse<String> login = browser.submit(browser.console() + "anmelden", browser.console() + "anmelden",
                Map.of("login", "admin", "password", PASSWORD, "weiter", "//evil.example/verwaltung/"));
        assertThat(login.headers().firstValue("Location")).hasValue(browser.console());
    }

    @Test
    void wrongPasswordsAndUnknownLoginsGetTheSameAnswerAndEmptyFieldsA400() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        String login = browser.console() + "anmelden";
        HttpResponse<String> wrong = browser.submit(login, login, Map.of("login", "admin", "password", "falsch-falsch-falsch"));
        HttpResponse<String> unknown = browser.submit(login, login, Map.of("login", "niemand", "password", PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Benutzername oder Passwort stimmen nicht").contains("error-summary");
        assertThat(unknown.body()).contains("Benutzername oder Passwort stimmen nicht");

        HttpResponse<String> empty = browser.submit(login, login, Map.of("login", "", "password", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#login\"").contains("href=\"#password\"")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void aLoginWithoutItsFormTokenIsRefused() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        HttpResponse<String> forged = browser.post(browser.console() + "anmelden",
                Map.of("login", "admin", "password", PASSWORD, "_csrf", "gw_forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Formular abgelaufen");
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = signedIn(tenant);
        String token = browser.cookie(SessionCookie.NAME);
        HttpResponse<String> logout = browser.submit(browser.console(), browser.console() + "abmelden", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue(browser.console() + "anmelden?abgemeldet");
        assertThat(browser.get(browser.console()).statusCode()).isEqualTo(303);
        // the old cookie, kept by someone, is worth nothing: the row is gone
        ConsoleClient thief = new ConsoleClient(port, tenant.slug());
        thief.setCookie(SessionCookie.NAME, token);
        assertThat(thief.get(thief.console()).statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefused() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = signedIn(tenant);
        assertThat(browser.post(browser.console() + "abmelden", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.post(browser.console() + "abmelden", Map.of("_csrf", "gw_wrong")).statusCode())
                .isEqualTo(403);
        // still signed in: nothing happened
        assertThat(browser.get(browser.console()).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionsEndAfterIdleTimeAndAfterTheirAbsoluteEnd() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient idle = signedIn(tenant);
        ConsoleClient old = signedIn(tenant);
        jdbc.sql("update staff_session set last_seen_at = now() - interval '31 minutes' where token_hash = sha256(:t::bytea)")
                .param("t", idle.cookie(SessionCookie.NAME)).update();
        jdbc.sql("update staff_session set expires_at = now() - interval '1 second' where token_hash = sha256(:t::bytea)")
                .param("t", old.cookie(SessionCookie.NAME)).update();
        assertThat(idle.get(idle.console()).statusCode()).isEqualTo(303);
        assertThat(old.get(old.console()).statusCode()).isEqualTo(303);
    }

    @Test
    void backgroundPollingDoesNotKeepASessionAlive() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = signedIn(tenant);
        String token = browser.cookie(SessionCookie.NAME);
        jdbc.sql("update staff_session set last_seen_at = now() - interval '29 minutes' where token_hash = sha256(:t::bytea)")
                .param("t", token).update();
        assertThat(browser.poll(browser.console()).statusCode()).isEqualTo(200);
        assertThat(idleMinutes(token)).isGreaterThanOrEqualTo(29);
        assertThat(browser.get(browser.console()).statusCode()).isEqualTo(200);
        assertThat(idleMinutes(token)).isLessThan(1);
    }

    private int idleMinutes(String token) {
        return jdbc.sql("select extract(epoch from now() - last_seen_at)::int / 60 from staff_session"
                        + " where token_hash = sha256(:t::bytea)")
                .param("t", token).query(Integer.class).single();
    }

    @Test
    void anAccountOfOneTenantCannotEnterAnothersConsole() {
        Tenant a = tenantWithAccount("signin").tenant();
        StaClient b = tenantWithAccount("signin");
        ConsoleClient browser = signedIn(a);
        ConsoleClient intruder = new ConsoleClient(port, b.tenant().slug());
        intruder.setCookie(SessionCookie.NAME, browser.cookie(SessionCookie.NAME));
        assertThat(intruder.get(intruder.console()).statusCode()).isEqualTo(303);
        // a's form token does not help either: without b's session the POST is sent to b's login
        HttpResponse<String> post = intruder.post(intruder.console() + "abmelden",
                Map.of("_csrf", browser.csrf(browser.console())));
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(post.headers().firstValue("Location")).hasValue(intruder.console() + "anmelden");
        // a's login name and password do not open b's console (b's "admin" is another account)
        HttpResponse<String> login = intruder.submit(intruder.console() + "anmelden", intruder.console() + "anmelden",
                Map.of("login", "admin", "password", "anderes-Passwort-von-a"));
        assertThat(login.statusCode()).isEqualTo(401);
    }

    @Test
    void anInstanceOperatorEntersEveryTenantsConsole() {
        Tenant a = tenantWithAccount("signin").tenant();
        Tenant b = tenantWithAccount("signin").tenant();
        String login = "betrieb" + System.nanoTime() % 100000;
        accounts.create(null, login, "Betrieb Kreis-IT", PASSWORD);
        for (Tenant tenant : new Tenant[] {a, b}) {
            ConsoleClient operator = new ConsoleClient(port, tenant.slug());
            operator.signIn(login, PASSWORD);
            assertThat(operator.get(operator.console()).body()).contains("Betrieb Kreis-IT");
        }
    }

    @Test
    void anInstanceOperatorHasOneBudgetOfFailuresForAllTenants() {
        Tenant a = tenantWithAccount("signin").tenant();
        Tenant b = tenantWithAccount("signin").tenant();
        String login = "betrieb" + System.nanoTime() % 100000;
        accounts.create(null, login, "Betrieb Kreis-IT", PASSWORD);
        ConsoleClient guesser = new ConsoleClient(port, a.slug());
        String page = guesser.console() + "anmelden";
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.submit(page, page, Map.of("login", login, "password", "geraten-" + i + "-xxxxxx"))
                    .statusCode()).isEqualTo(401);
        }
        ConsoleClient elsewhere = new ConsoleClient(port, b.slug());
        String other = elsewhere.console() + "anmelden";
        assertThat(elsewhere.submit(other, other, Map.of("login", login, "password", PASSWORD)).statusCode())
                .isEqualTo(429);
    }

    @Test
    void aTenantsAccountCannotTakeAnInstanceOperatorsLogin() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        String login = "betrieb" + System.nanoTime() % 100000;
        accounts.create(null, login, "Betrieb Kreis-IT", PASSWORD);
        assertThatThrownBy(() -> accounts.create(tenant.id(), login, "Doppelgänger", PASSWORD))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("instance operator");
                });
    }

    @Test
    void aDisabledAccountIsSignedOutAndCannotSignIn() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = signedIn(tenant);
        accounts.disable(tenant.id(), "admin");
        assertThat(browser.get(browser.console()).statusCode()).isEqualTo(303);
        ConsoleClient again = new ConsoleClient(port, tenant.slug());
        HttpResponse<String> login = again.submit(again.console() + "anmelden", again.console() + "anmelden",
                Map.of("login", "admin", "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        String login = browser.console() + "anmelden";
        for (int i = 0; i < 5; i++) {
            assertThat(browser.submit(login, login, Map.of("login", "admin", "password", "geraten-" + i + "-xxxxxx"))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = browser.submit(login, login, Map.of("login", "admin", "password", PASSWORD));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.body()).contains("Zu viele Fehlversuche");
        // another login name from the same address is not affected
        accounts.create(tenant.id(), "kollege", "Max Muster", PASSWORD);
        assertThat(browser.submit(login, login, Map.of("login", "kollege", "password", PASSWORD)).statusCode())
                .isEqualTo(303);
    }

    @Test
    void parallelGuessesAreAllCountedBeforeTheirPasswordsAreChecked() throws Exception {
        Tenant tenant = tenantWithAccount("signin").tenant();
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ConsoleClient browser = new ConsoleClient(port, tenant.slug());
            String login = browser.console() + "anmelden";
            String token = browser.csrf(login);
            String guess = "geraten-" + i + "-xxxxxx";
            guesses.add(() -> browser.post(login, Map.of("login", "admin", "password", guess, "_csrf", token))
                    .statusCode());
        }
        List<Integer> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (Future<Integer> answer : pool.invokeAll(guesses)) {
                answers.add(answer.get());
            }
        }
        // only the free failures had their passwords checked; the rest waited however they raced
        assertThat(answers.stream().filter(status -> status == 401).count()).isEqualTo(5);
        assertThat(answers.stream().filter(status -> status == 429).count()).isEqualTo(25);
        ConsoleClient rightful = new ConsoleClient(port, tenant.slug());
        String login = rightful.console() + "anmelden";
        assertThat(rightful.submit(login, login, Map.of("login", "admin", "password", PASSWORD)).statusCode())
                .isEqualTo(429);
    }

    @Test
    void aHashWithFewerIterationsStillSignsInAndIsReplacedThen() throws Exception {
        Tenant tenant = tenantWithAccount("signin").tenant();
        // as PasswordHashes made them before 600,000 iterations, computed here independently of it
        byte[] salt = "sechzehn-bytes!!".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 310_000, 256)).getEncoded();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        String old = "pbkdf2-sha256$310000$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
        jdbc.sql("update staff_account set password_hash = :hash where tenant_id = :tenant")
                .param("hash", old).param("tenant", tenant.id()).update();

        signedIn(tenant);
        String stored = jdbc.sql("select password_hash from staff_account where tenant_id = :tenant")
                .param("tenant", tenant.id()).query(String.class).single();
        assertThat(stored).startsWith("pbkdf2-sha256$600000$");
        signedIn(tenant);
    }

    @Test
    void aWayBackWithBracesLeadsToTheOverviewNotToAnError() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        String braces = browser.console() + "%7Bx%7D";
        HttpResponse<String> login = browser.submit(browser.console() + "anmelden?weiter=" + braces,
                browser.console() + "anmelden?weiter=" + braces, Map.of("login", "admin", "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue(browser.console());
        HttpResponse<String> again = browser.get(browser.console() + "anmelden?weiter=" + braces);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).hasValue(browser.console());
    }

    @Test
    void guessingFromManyAddressesIsThrottledPerLoginToo() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        // as if from 20 addresses: each below its own limit, together at the login's
        for (int i = 0; i < 20; i++) {
            throttle.attempt(tenant.id(), "admin", "192.0.2." + i);
        }
        ConsoleClient browser = new ConsoleClient(port, tenant.slug());
        String login = browser.console() + "anmelden";
        assertThat(browser.submit(login, login, Map.of("login", "admin", "password", PASSWORD)).statusCode())
                .isEqualTo(429);
    }

    @Test
    void anUnknownConsolePageIsA404PageOnlyForThoseSignedIn() {
        Tenant tenant = tenantWithAccount("signin").tenant();
        assertThat(new ConsoleClient(port, tenant.slug()).get("/" + tenant.slug() + "/verwaltung/gibt/es/nicht")
                .statusCode()).isEqualTo(303);
        ConsoleClient browser = signedIn(tenant);
        HttpResponse<String> page = browser.get(browser.console() + "gibt/es/nicht");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Seite nicht gefunden").contains("Erika Mustermann");
    }

    @Test
    void anUnknownTenantsConsoleIsA404Page() {
        ConsoleClient browser = new ConsoleClient(port, "gibt-es-nicht");
        HttpResponse<String> page = browser.get(browser.console() + "anmelden");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Seite nicht gefunden");
    }
}
