package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.cache.ExpiringCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Registered devices as ingest sees them, cached: every uplink needs its device, its type's decoder and its
 * Datastreams, and unknown devices (a quarantine flood) must not cost a query each either. The admin API forgets an
 * entry when it changes it; other instances notice within {@link #TTL}.
 */
@Component
public class DeviceRoutes {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final TypeReference<List<MappedDatastream>> MAPPED = new TypeReference<>() {
    };

    private record Key(long tenantId, String devEui) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ExpiringCache<Key, Optional<DeviceRoute>> cache = new ExpiringCache<>(TTL, 200_000);

    public DeviceRoutes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<DeviceRoute> find(long tenantId, String devEui) {
        return cache.get(new Key(tenantId, devEui), this::load);
    }

    /** Reads the device past the cache, in the caller's transaction (which may just have registered it). */
    Optional<DeviceRoute> load(long tenantId, String devEui) {
        return load(new Key(tenantId, devEui));
    }

    /** Forgets what is cached about the device (after an admin changed or removed it, or it was provisioned). */
    public void invalidate(long tenantId, String devEui) {
        cache.invalidate(new Key(tenantId, devEui));
    }

    /** Forgets everything (after a device type changed: any device may use it). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private Optional<DeviceRoute> load(Key key) {
        return jdbc.sql("""
                        select d.datastreams::text as datastreams, t.key, t.decoder, t.tenant_id is not null as owned
                        from lorawan_device d join lorawan_device_type t on t.id = d.device_type_id
                        where d.tenant_id = :tenant and d.dev_eui = :devEui""")
                .param("tenant", key.tenantId()).param("devEui", key.devEui())
                .query((rs, n) -> {
                    String datastreams = rs.getString("datastreams");
                    return new DeviceRoute(rs.getString("key"),
                            DeviceTypes.decoderOf(rs.getString("key"), rs.getString("decoder"), rs.getBoolean("owned")),
                            datastreams == null ? null : json.readValue(datastreams, MAPPED));
                }).optional();
    }
}
