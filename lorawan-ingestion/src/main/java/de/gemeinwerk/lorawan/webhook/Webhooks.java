package de.gemeinwerk.lorawan.webhook;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.NetworkServer;
import de.gemeinwerk.platform.access.ApiKeySecrets;
import de.gemeinwerk.platform.cache.ExpiringCache;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The webhooks of the tenants (table {@code lorawan_webhook}). A secret is made like an API key (256 random bits) and
 * stored as its SHA-256; checking one is a cached look-up by tenant and hash, as for API keys.
 */
@Service
public class Webhooks {

    // a ByteBuffer compares by content: no hex string per request (as platform's ApiKeys does)
    private record Key(long tenantId, ByteBuffer hash) {
    }

    private final JdbcClient jdbc;
    // a deleted webhook's secret keeps working on other instances for at most this long
    private final ExpiringCache<Key, Optional<NetworkServer>> secrets = new ExpiringCache<>(Duration.ofSeconds(5),
            10_000);

    public Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Webhook create(Tenant tenant, String name, NetworkServer server) {
        String secret = ApiKeySecrets.generate();
        return jdbc.sql("""
                        insert into lorawan_webhook (tenant_id, name, network_server, secret_hash)
                        values (:tenant, :name, :server, :hash) returning id, name, network_server, created_at""")
                .param("tenant", tenant.id()).param("name", name).param("server", NetworkServerNames.name(server))
                .param("hash", ApiKeySecrets.hash(secret))
                .query((rs, n) -> webhook(tenant, rs.getLong("id"), rs.getString("name"),
                        rs.getString("network_server"), secret, rs.getObject("created_at", OffsetDateTime.class)))
                .single();
    }

    public List<Webhook> list(Tenant tenant) {
        return jdbc.sql("select id, name, network_server, created_at from lorawan_webhook where tenant_id = :tenant"
                        + " order by id")
                .param("tenant", tenant.id())
                .query((rs, n) -> webhook(tenant, rs.getLong("id"), rs.getString("name"),
                        rs.getString("network_server"), null, rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    public void delete(Tenant tenant, long id) {
        int deleted = jdbc.sql("delete from lorawan_webhook where tenant_id = :tenant and id = :id")
                .param("tenant", tenant.id()).param("id", id).update();
        if (deleted == 0) {
            throw ApiException.notFound("There is no webhook " + id + " in this tenant.");
        }
        secrets.invalidateAll();
    }

    /** The network server of the tenant's webhook with this secret, if there is one. */
    public Optional<NetworkServer> serverOf(long tenantId, String secret) {
        if (!ApiKeySecrets.isWellFormed(secret)) {
            return Optional.empty();
        }
        byte[] hash = ApiKeySecrets.hash(secret);
        return secrets.get(new Key(tenantId, ByteBuffer.wrap(hash)), key -> jdbc.sql(
                        "select network_server from lorawan_webhook where tenant_id = :tenant and secret_hash = :hash")
                .param("tenant", tenantId).param("hash", hash)
                .query((rs, n) -> NetworkServerNames.parse(rs.getString(1), "networkServer")).optional());
    }

    private static Webhook webhook(Tenant tenant, long id, String name, String server, String secret,
                                   OffsetDateTime createdAt) {
        return new Webhook(id, name, server, "/" + tenant.slug() + "/lorawan/v1/" + server, secret, createdAt);
    }
}
