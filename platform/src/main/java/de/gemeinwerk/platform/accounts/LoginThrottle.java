package de.gemeinwerk.platform.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Login attempts counted in the database (table {@code staff_login_failure}), so every instance behind a load
 * balancer throttles alike: per tenant, login name and client address ({@link ThrottlePolicy#PER_ADDRESS}), and per
 * tenant and login name from all addresses together ({@link ThrottlePolicy#PER_LOGIN}, the row with address
 * {@value #ANY}). Login names are counted whether an account has them or not, so the throttle does not tell which
 * exist. An instance operator's login is counted once for all tenants (tenant {@code null}). An attempt counts as a
 * failure from the moment it is let through until {@link #succeeded} clears it, so parallel attempts cannot slip past
 * the count while their passwords are being hashed.
 */
@Service
public class LoginThrottle {

    /** The address of the row that counts a login's failures from every address. */
    static final String ANY = "*";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    public LoginThrottle(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Lets an attempt of this login from this address through and counts it as a failure (zero returned), or says
     * how long it must still wait (counted not at all).
     *
     * @param tenantId the tenant whose console is signed in to, or null for an instance operator's login
     */
    public Duration attempt(Long tenantId, String login, String address) {
        forgetOld();
        return transactions.execute(status -> {
            // both rows locked until commit, always in this order, so parallel attempts are counted one after another
            Duration perAddress = remaining(tenantId, login, address, ThrottlePolicy.PER_ADDRESS);
            Duration perLogin = remaining(tenantId, login, ANY, ThrottlePolicy.PER_LOGIN);
            Duration wait = perAddress.compareTo(perLogin) >= 0 ? perAddress : perLogin;
            if (wait.isZero()) {
                count(tenantId, login, address);
                count(tenantId, login, ANY);
            }
            return wait;
        });
    }

    /** The rightful person signed in: their failures are forgotten. */
    public void succeeded(Long tenantId, String login, String address) {
        jdbc.sql("delete from staff_login_failure where coalesce(tenant_id, 0) = :scope and login = :login"
                        + " and address in (:address, :any)")
                .param("scope", scope(tenantId)).param("login", key(login)).param("address", address)
                .param("any", ANY).update();
    }

    /** Locks the row (made with no failures if missing) and says how long an attempt must still wait. */
    private Duration remaining(Long tenantId, String login, String address, ThrottlePolicy policy) {
        return jdbc.sql("""
                        insert into staff_login_failure (tenant_id, login, address, failures, last_failure_at)
                        values (:tenant, :login, :address, 0, :now)
                        on conflict (coalesce(tenant_id, 0), login, address)
                            do update set failures = staff_login_failure.failures
                        returning failures, last_failure_at""")
                .param("tenant", tenantId, Types.BIGINT).param("login", key(login)).param("address", address)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, row) -> policy.remaining(rs.getInt("failures"),
                        rs.getTimestamp("last_failure_at").toInstant(), clock.instant()))
                .single();
    }

    /** Failures older than {@link ThrottlePolicy#FORGET_AFTER} start the count anew. */
    private void count(Long tenantId, String login, String address) {
        jdbc.sql("""
                        update staff_login_failure set
                            failures = case when last_failure_at < :forgetBefore then 1 else failures + 1 end,
                            last_failure_at = :now
                        where coalesce(tenant_id, 0) = :scope and login = :login and address = :address""")
                .param("scope", scope(tenantId)).param("login", key(login)).param("address", address)
                .param("now", Timestamp.from(clock.instant())).param("forgetBefore", forgetBefore()).update();
    }

    /**
     * Rows of made-up logins and addresses would otherwise pile up forever. Its own statement, outside the locking
     * transaction, so two attempts cannot each hold a row the other wants to delete.
     */
    private void forgetOld() {
        jdbc.sql("delete from staff_login_failure where last_failure_at < :forgetBefore")
                .param("forgetBefore", forgetBefore()).update();
    }

    private Timestamp forgetBefore() {
        return Timestamp.from(clock.instant().minus(ThrottlePolicy.FORGET_AFTER));
    }

    // as the unique index has it: instance operators' rows under 0, which no tenant id is
    private static long scope(Long tenantId) {
        return tenantId == null ? 0 : tenantId;
    }

    // bounded, so a flood of huge names cannot bloat the table
    private static String key(String login) {
        String normal = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return normal.length() > 100 ? normal.substring(0, 100) : normal;
    }
}
