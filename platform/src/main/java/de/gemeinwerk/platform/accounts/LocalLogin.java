package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.tenant.Tenant;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * Signing in with a login name and password of a local account: one way to start a {@link StaffSessions session}.
 * An OIDC login would be another (its callback maps the provider's subject to an account and calls
 * {@link StaffSessions#start} likewise); the console does not know which one was used.
 */
@Service
public class LocalLogin {

    /** What came of an attempt. */
    public sealed interface Outcome {
        record SignedIn(StaffSession session) implements Outcome {}

        /** Unknown login, wrong password or disabled account: the same answer for all three. */
        record Refused() implements Outcome {}

        /** Too many failures: try again after {@code retryAfter}; the password was not even checked. */
        record Throttled(Duration retryAfter) implements Outcome {}
    }

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final LoginThrottle throttle;

    public LocalLogin(StaffAccounts accounts, StaffSessions sessions, LoginThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** @param address the client's address, for throttling */
    public Outcome signIn(Tenant tenant, String login, String password, String address) {
        Optional<StaffAccounts.Credentials> credentials = login == null ? Optional.empty()
                : accounts.credentials(tenant.id(), login);
        // an instance operator (tenant null) has one budget for all consoles, not one per tenant
        Long scope = credentials.isPresent() ? credentials.get().account().tenantId() : Long.valueOf(tenant.id());
        // counted before the password is checked, so parallel guesses are all counted
        Duration wait = throttle.attempt(scope, login, address);
        if (!wait.isZero()) {
            return new Outcome.Throttled(wait);
        }
        String given = password == null ? "" : password;
        // a missing account costs the same hashing time as a wrong password, so timing tells nothing
        boolean valid = credentials.isPresent() ? PasswordHashes.verify(given, credentials.get().passwordHash())
                : verifyNobody(given);
        if (!valid || credentials.get().account().disabled()) {
            return new Outcome.Refused();
        }
        throttle.succeeded(scope, login, address);
        StaffAccount account = credentials.get().account();
        String stored = credentials.get().passwordHash();
        accounts.recordLogin(account.id(), PasswordHashes.isOutdated(stored) ? PasswordHashes.hash(given) : null);
        return new Outcome.SignedIn(sessions.start(account));
    }

    private static boolean verifyNobody(String password) {
        PasswordHashes.verifyNobody(password);
        return false;
    }
}
