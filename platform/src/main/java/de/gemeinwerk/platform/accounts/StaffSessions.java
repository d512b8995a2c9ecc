package de.gemeinwerk.platform.accounts;

import de.gemeinwerk.platform.access.ApiKeySecrets;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.tenant.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Types;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed-in sessions as rows (table {@code staff_session}), so that every instance behind a load balancer knows them
 * and a logout or a disabled account ends them everywhere at once. Whatever signed the person in — the local password
 * ({@link LocalLogin}) or, later, an OIDC provider's callback — calls {@link #start}; the console only ever
 * {@link #resolve}s. A session ends after {@code idle} without a request or {@code absolute} after it began.
 */
@Service
public class StaffSessions {

    // last_seen_at is written at most this often: a page view need not be a write
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Duration idle;
    private final Duration absolute;

    public StaffSessions(JdbcClient jdbc,
                         @Value("${gemeinwerk.console.session.idle-timeout:30m}") Duration idle,
                         @Value("${gemeinwerk.console.session.absolute-timeout:12h}") Duration absolute) {
        this.jdbc = jdbc;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** Starts a session for an account that has just proven who it is; returns the cookie's token. */
    public StaffSession start(StaffAccount account) {
        // sessions that ran out are removed here rather than by a scheduler: logins are rare, and a stale row is
        // never valid anyway (every look-up checks both ends)
        jdbc.sql("delete from staff_session where expires_at < now()"
                        + " or last_seen_at < now() - make_interval(secs => :idle)")
                .param("idle", idle.toSeconds()).update();
        StaffSession session = new StaffSession(ApiKeySecrets.generate(), ApiKeySecrets.generate());
        jdbc.sql("insert into staff_session (token_hash, account_id, tenant_id, csrf_token, expires_at)"
                        + " values (:hash, :account, :tenant, :csrf, now() + make_interval(secs => :absolute))")
                .param("hash", ApiKeySecrets.hash(session.token())).param("account", account.id())
                .param("tenant", account.tenantId(), Types.BIGINT).param("csrf", session.csrfToken())
                .param("absolute", absolute.toSeconds()).update();
        return session;
    }

    /** The signed-in person and the session's CSRF token. */
    public record Resolved(StaffMember member, String csrfToken) {}

    /**
     * Who holds this token at this tenant's console: a live session of an enabled account of that tenant or of an
     * instance operator. Empty for anything else, a malformed token included (without a query).
     *
     * @param active whether a person made this request; background polling (a status refreshed by a script) must not
     *               keep an unattended session alive forever, so it does not count as activity
     */
    public Optional<Resolved> resolve(String token, Tenant tenant, boolean active) {
        if (token == null || !ApiKeySecrets.isWellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = ApiKeySecrets.hash(token);
        record Row(Resolved resolved, boolean stale) {}
        Optional<Row> row = jdbc.sql("""
                        select a.id, a.display_name, a.role, s.csrf_token,
                               s.last_seen_at < now() - make_interval(secs => :touch) as stale
                        from staff_session s join staff_account a on a.id = s.account_id
                        where s.token_hash = :hash and s.expires_at > now()
                          and s.last_seen_at > now() - make_interval(secs => :idle)
                          and not a.disabled and (s.tenant_id is null or s.tenant_id = :tenant)""")
                .param("hash", hash).param("idle", idle.toSeconds()).param("touch", TOUCH_EVERY.toSeconds())
                .param("tenant", tenant.id())
                .query((rs, n) -> new Row(new Resolved(new StaffMember(tenant, rs.getLong("id"),
                        rs.getString("display_name"), Role.parse(rs.getString("role"))), rs.getString("csrf_token")),
                        rs.getBoolean("stale")))
                .optional();
        row.filter(found -> active && found.stale()).ifPresent(stale -> touch(hash));
        return row.map(Row::resolved);
    }

    /** Ends the session (logout); nothing happens for an unknown token. */
    public void end(String token) {
        if (token != null && ApiKeySecrets.isWellFormed(token)) {
            jdbc.sql("delete from staff_session where token_hash = :hash").param("hash", ApiKeySecrets.hash(token))
                    .update();
        }
    }

    private void touch(byte[] hash) {
        jdbc.sql("update staff_session set last_seen_at = now() where token_hash = :hash").param("hash", hash).update();
    }
}
