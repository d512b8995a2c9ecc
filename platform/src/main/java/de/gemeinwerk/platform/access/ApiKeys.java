package de.gemeinwerk.platform.access;

import de.gemeinwerk.platform.cache.ExpiringCache;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys (table {@code api_key}). Look-ups by key happen on every authenticated request and are cached for a few
 * seconds: a revoked key stops working on this instance at once, on other instances after at most {@link #CACHE_TTL}.
 */
@Service
public class ApiKeys {

    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final int MAX_NAME_LENGTH = 200;
    private static final String COLUMNS = "id, tenant_id, name, role, created_at, last_used_at, revoked_at";
    private static final RowMapper<ApiKey> API_KEY = (rs, row) -> new ApiKey(
            rs.getLong("id"), rs.getObject("tenant_id", Long.class), rs.getString("name"),
            Role.parse(rs.getString("role")), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    private final JdbcClient jdbc;
    // keyed by the hash, so the cache holds no secrets; ByteBuffer compares by content
    private final ExpiringCache<ByteBuffer, Optional<ApiKey>> activeByHash = new ExpiringCache<>(CACHE_TTL, 10_000);

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates a key and returns it with its secret, which cannot be retrieved again.
     *
     * @param tenantId the tenant it acts for, or null for an instance-level key (which must have role ADMIN)
     */
    public CreatedApiKey create(Long tenantId, String name, Role role) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("A key name must be 1 to " + MAX_NAME_LENGTH + " characters.", "name");
        }
        if (tenantId == null && role != Role.ADMIN) {
            throw ApiException.badRequest("An instance-level key must have the role 'admin'.", "role");
        }
        String key = ApiKeySecrets.generate();
        ApiKey created = jdbc.sql("insert into api_key (tenant_id, name, key_hash, role)"
                        + " values (:tenantId, :name, :hash, :role) returning " + COLUMNS)
                .param("tenantId", tenantId, Types.BIGINT).param("name", name.strip())
                .param("hash", ApiKeySecrets.hash(key)).param("role", role.value())
                .query(API_KEY).single();
        return new CreatedApiKey(created, key);
    }

    /** The valid (not revoked) key with this secret, if any. Malformed input is rejected without a query. */
    public Optional<ApiKey> findActive(String key) {
        if (key == null || !ApiKeySecrets.isWellFormed(key)) {
            return Optional.empty();
        }
        return activeByHash.get(ByteBuffer.wrap(ApiKeySecrets.hash(key)), this::loadActiveAndMarkUsed);
    }

    /** Runs once per key and cache period, which keeps last_used_at accurate enough at almost no cost. */
    private Optional<ApiKey> loadActiveAndMarkUsed(ByteBuffer hash) {
        return jdbc.sql("update api_key set last_used_at = now() where key_hash = :hash and revoked_at is null"
                        + " returning " + COLUMNS)
                .param("hash", hash.array()).query(API_KEY).optional();
    }

    /** The keys of a tenant, revoked ones included, oldest first. */
    public List<ApiKey> listForTenant(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from api_key where tenant_id = :tenantId order by id")
                .param("tenantId", tenantId).query(API_KEY).list();
    }

    /** The instance-level keys, revoked ones included, oldest first. */
    public List<ApiKey> listInstanceKeys() {
        return jdbc.sql("select " + COLUMNS + " from api_key where tenant_id is null order by id")
                .query(API_KEY).list();
    }

    /** Revokes any key (idempotent); 404 if there is no key with this id. */
    public ApiKey revoke(long keyId) {
        return revoked(jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now()) where id = :id"
                + " returning " + COLUMNS).param("id", keyId).query(API_KEY).optional(), keyId);
    }

    /** Revokes a key of this tenant (idempotent); 404 if the tenant has no key with this id. */
    public ApiKey revokeForTenant(long tenantId, long keyId) {
        return revoked(jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, now())"
                        + " where id = :id and tenant_id = :tenantId returning " + COLUMNS)
                .param("id", keyId).param("tenantId", tenantId).query(API_KEY).optional(), keyId);
    }

    private ApiKey revoked(Optional<ApiKey> key, long keyId) {
        // the cache is keyed by hash, which we do not know here; revocations are rare, so forget everything
        activeByHash.invalidateAll();
        return key.orElseThrow(() -> ApiException.notFound("There is no API key " + keyId + "."));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
