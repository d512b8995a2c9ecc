package de.gemeinwerk.platform.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Failed logins counted in the database (table {@code staff_login_failure}), so every instance behind a load balancer
 * throttles alike: per tenant, login name and client address ({@link ThrottlePolicy#PER_ADDRESS}), and per tenant and
 * login name from all addresses together ({@link ThrottlePolicy#PER_LOGIN}, the row with address {@value #ANY}).
 * Login names are counted whether an account has them or not, so the throttle does not tell which exist.
 */
@Service
public class LoginThrottle {

    /** The address of the row that counts a login's failures from every address. */
    static final String ANY = "*";

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long this login from this address must still wait; zero when it may try. */
    public Duration remaining(long tenantId, String login, String address) {
        Duration perAddress = remaining(tenantId, login, address, ThrottlePolicy.PER_ADDRESS);
        Duration perLogin = remaining(tenantId, login, ANY, ThrottlePolicy.PER_LOGIN);
        return perAddress.compareTo(perLogin) >= 0 ? perAddress : perLogin;
    }

    /** Counts one more failure of this login, from this address and from any. */
    public void failed(long tenantId, String login, String address) {
        count(tenantId, login, address);
        count(tenantId, login, ANY);
    }

    /** The rightful person signed in: their failures are forgotten. */
    public void succeeded(long tenantId, String login, String address) {
        jdbc.sql("delete from staff_login_failure where tenant_id = :tenant and login = :login"
                        + " and address in (:address, :any)")
                .param("tenant", tenantId).param("login", key(login)).param("address", address).param("any", ANY)
                .update();
    }

    private Duration remaining(long tenantId, String login, String address, ThrottlePolicy policy) {
        return jdbc.sql("select failures, last_failure_at from staff_login_failure"
                        + " where tenant_id = :tenant and login = :login and address = :address")
                .param("tenant", tenantId).param("login", key(login)).param("address", address)
                .query((rs, row) -> policy.remaining(rs.getInt("failures"),
                        rs.getTimestamp("last_failure_at").toInstant(), clock.instant()))
                .optional().orElse(Duration.ZERO);
    }

    /** Failures older than {@link ThrottlePolicy#FORGET_AFTER} start the count anew. */
    private void count(long tenantId, String login, String address) {
        // one atomic upsert, so concurrent failures are all counted
        jdbc.sql("""
                        insert into staff_login_failure (tenant_id, login, address, failures, last_failure_at)
                        values (:tenant, :login, :address, 1, :now)
                        on conflict (tenant_id, login, address) do update set
                            failures = case when staff_login_failure.last_failure_at < :forgetBefore then 1
                                            else staff_login_failure.failures + 1 end,
                            last_failure_at = excluded.last_failure_at""")
                .param("tenant", tenantId).param("login", key(login)).param("address", address)
                .param("now", Timestamp.from(clock.instant()))
                .param("forgetBefore", Timestamp.from(clock.instant().minus(ThrottlePolicy.FORGET_AFTER))).update();
    }

    // bounded, so a flood of huge names cannot bloat the table
    private static String key(String login) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return normal.length() > 100 ? normal.substring(0, 100) : normal;
    }
}
