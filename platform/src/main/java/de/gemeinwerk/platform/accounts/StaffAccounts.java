package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff accounts (table {@code staff_account}): created by the admin command or by an admin in the console. Every
 * statement names the tenant ({@code null} for instance operators). Passwords are only ever stored hashed.
 */
@Service
public class StaffAccounts {

    static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 500;
    private static final int MAX_NAME = 200;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._@-]{2,100}");
    private static final String COLUMNS = "id, tenant_id, login, display_name, role, disabled, created_at, last_login_at";
    private static final RowMapper<StaffAccount> ACCOUNT = (rs, row) -> new StaffAccount(rs.getLong("id"),
            rs.getObject("tenant_id", Long.class), rs.getString("login"), rs.getString("display_name"),
            Role.parse(rs.getString("role")), rs.getBoolean("disabled"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("last_login_at")));

    /** An account with its hash, for the login only. */
    record Credentials(StaffAccount account, String passwordHash) {}

    private final JdbcClient jdbc;

    public StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates an admin account; 400 for an invalid login, name or password, 409 if the login is taken (for a
     * tenant's account also: by an instance operator).
     *
     * @param tenantId the tenant, or null for an instance operator
     */
    public StaffAccount create(Long tenantId, String login, String displayName, String password) {
        String normalLogin = validLogin(login);
        if (displayName == null || displayName.isBlank() || displayName.length() > MAX_NAME) {
            throw ApiException.badRequest("A display name must be 1 to " + MAX_NAME + " characters.", "displayName");
        }
        validatePassword(password);
        if (tenantId != null && isOperatorLogin(normalLogin)) {
            // the tenant's account would hide the operator's at this console (and share its throttle budget)
            throw ApiException.conflict("The login '" + normalLogin + "' belongs to an instance operator;"
                    + " choose another.");
        }
        return jdbc.sql("insert into staff_account (tenant_id, login, display_name, password_hash)"
                        + " values (:tenant, :login, :name, :hash) on conflict do nothing returning " + COLUMNS)
                .param("tenant", tenantId, Types.BIGINT).param("login", normalLogin)
                .param("name", displayName.strip()).param("hash", PasswordHashes.hash(password))
                .query(ACCOUNT).optional()
                .orElseThrow(() -> ApiException.conflict("There is already an account '" + normalLogin + "'."));
    }

    /** The accounts of a tenant (null: the instance operators), oldest first. */
    public List<StaffAccount> list(Long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from staff_account where tenant_id is not distinct from :tenant"
                        + " order by id")
                .param("tenant", tenantId, Types.BIGINT).query(ACCOUNT).list();
    }

    /** Disables an account and ends its sessions; 404 if there is none with this login. */
    public StaffAccount disable(Long tenantId, String login) {
        StaffAccount account = jdbc.sql("update staff_account set disabled = true"
                        + " where tenant_id is not distinct from :tenant and login = :login returning " + COLUMNS)
                .param("tenant", tenantId, Types.BIGINT).param("login", normal(login))
                .query(ACCOUNT).optional().orElseThrow(() -> noAccount(login));
        endSessions(account.id());
        return account;
    }

    /** Sets a new password and ends the account's sessions (whoever knew the old one is signed out). */
    public StaffAccount changePassword(Long tenantId, String login, String password) {
        validatePassword(password);
        StaffAccount account = jdbc.sql("update staff_account set password_hash = :hash"
                        + " where tenant_id is not distinct from :tenant and login = :login returning " + COLUMNS)
                .param("tenant", tenantId, Types.BIGINT).param("login", normal(login))
                .param("hash", PasswordHashes.hash(password))
                .query(ACCOUNT).optional().orElseThrow(() -> noAccount(login));
        endSessions(account.id());
        return account;
    }

    /** 400 unless the password is long enough to resist guessing (length beats composition rules, NIST 800-63B). */
    public static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("A password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long.", "password");
        }
    }

    /**
     * The account that signs in with {@code login} at a tenant's console: the tenant's own, else an instance
     * operator's.
     */
    Optional<Credentials> credentials(long tenantId, String login) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from staff_account"
                        + " where login = :login and (tenant_id = :tenant or tenant_id is null)"
                        + " order by tenant_id nulls last limit 1")
                .param("login", normal(login)).param("tenant", tenantId)
                .query((rs, row) -> new Credentials(ACCOUNT.mapRow(rs, row), rs.getString("password_hash")))
                .optional();
    }

    /** Notes a successful login; {@code newHash} replaces an outdated hash (null keeps it). */
    void recordLogin(long accountId, String newHash) {
        jdbc.sql("update staff_account set last_login_at = now(), password_hash = coalesce(:hash, password_hash)"
                        + " where id = :id")
                .param("id", accountId).param("hash", newHash, Types.VARCHAR).update();
    }

    private boolean isOperatorLogin(String login) {
        return jdbc.sql("select exists (select 1 from staff_account where tenant_id is null and login = :login)")
                .param("login", login).query(Boolean.class).single();
    }

    private void endSessions(long accountId) {
        jdbc.sql("delete from staff_session where account_id = :id").param("id", accountId).update();
    }

    private static String validLogin(String login) {
        String normal = normal(login);
        if (normal == null || !LOGIN.matcher(normal).matches()) {
            throw ApiException.badRequest("A login must be 2 to 100 letters a-z, digits or . _ @ -.", "login");
        }
        return normal;
    }

    private static String normal(String login) {
        return login == null ? null : login.strip().toLowerCase(Locale.ROOT);
    }

    private static ApiException noAccount(String login) {
        return ApiException.notFound("There is no account '" + login + "'.");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
