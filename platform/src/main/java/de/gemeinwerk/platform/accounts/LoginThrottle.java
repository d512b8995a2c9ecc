package de.gemeinwerk.platform.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Failed logins counted in the database (table {@code staff_login_failure}), so every instance behind a load balancer
 * throttles alike; the rules are {@link ThrottlePolicy}'s. Login names are counted whether an account has them or
 * not, so the throttle does not tell which exist.
 */
@Service
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long this login from this address must still wait; zero when it may try. */
    public Duration remaining(long tenantId, String login, String address) {
        return jdbc.sql("select failures, last_failure_at from staff_login_failure"
                        + " where tenant_id = :tenant and login = :login and address = :address")
                .param("tenant", tenantId).param("login", key(login)).param("address", address)
                .query((rs, row) -> ThrottlePolicy.remaining(rs.getInt("failures"),
                        rs.getTimestamp("last_failure_at").toInstant(), clock.instant()))
                .optional().orElse(Duration.ZERO);
    }

    /** Counts one more failure; failures older than {@link ThrottlePolicy#FORGET_AFTER} start the count anew. */
    public void failed(long tenantId, String login, String address) {
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

    public void succeeded(long tenantId, String login, String address) {
        jdbc.sql("delete from staff_login_failure where tenant_id = :tenant and login = :login and address = :address")
                .param("tenant", tenantId).param("login", key(login)).param("address", address).update();
    }

    // bounded, so a flood of huge names cannot bloat the table
    private static String key(String login) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return normal.length() > 100 ? normal.substring(0, 100) : normal;
    }
}
