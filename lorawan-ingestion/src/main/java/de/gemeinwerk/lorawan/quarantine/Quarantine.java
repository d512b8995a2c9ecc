package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.uplink.Uplink;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kept uplinks of a tenant (table {@code lorawan_quarantine}); runs in the caller's Spring transaction if any. */
@Service
public class Quarantine {

    /** A kept uplink with its row id. */
    record Kept(long id, Uplink uplink) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Quarantine(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<QuarantinedDevice> devices(long tenantId) {
        return jdbc.sql("""
                        select dev_eui, (array_agg(network_server order by uplink_time desc, id desc))[1] as network_server,
                               (array_agg(device_name order by uplink_time desc, id desc))[1] as device_name,
                               count(*) as uplinks, min(uplink_time) as first_seen, max(uplink_time) as last_seen,
                               (array_agg(reason order by uplink_time desc, id desc))[1] as reason
                        from lorawan_quarantine where tenant_id = :tenant
                        group by dev_eui order by dev_eui""")
                .param("tenant", tenantId)
                .query((rs, n) -> new QuarantinedDevice(rs.getString("dev_eui"), rs.getString("network_server"),
                        rs.getString("device_name"), rs.getLong("uplinks"),
                        rs.getObject("first_seen", OffsetDateTime.class),
                        rs.getObject("last_seen", OffsetDateTime.class),
                        rs.getString("reason")))
                .list();
    }

    /**
     * The kept devices not registered in the tenant (what "adopt all" adopts), in DevEUI order, each with the name
     * its network server last gave it (or null); at most {@code limit} of them (the quarantine is unbounded).
     */
    public Map<String, String> unregistered(long tenantId, int limit) {
        return names(tenantId, """
                and not exists (select 1 from lorawan_device d where d.tenant_id = q.tenant_id and d.dev_eui = q.dev_eui)""",
                Map.of("limit", limit), "limit :limit");
    }

    /** The names the network server last gave the listed DevEUIs, for those kept in the tenant's quarantine. */
    public Map<String, String> names(long tenantId, List<String> devEuis) {
        return names(tenantId, "and q.dev_eui = any(:devEuis)", Map.of("devEuis", devEuis.toArray(String[]::new)), "");
    }

    private Map<String, String> names(long tenantId, String condition, Map<String, Object> params, String limit) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("""
                        select dev_eui, (array_agg(device_name order by uplink_time desc, id desc))[1] as device_name
                        from lorawan_quarantine q where tenant_id = :tenant %s
                        group by dev_eui order by dev_eui %s""".formatted(condition, limit))
                .param("tenant", tenantId).params(params)
                .query(rs -> {
                    names.put(rs.getString("dev_eui"), rs.getString("device_name"));
                });
        return names;
    }

    /** The device's kept uplinks in time order, locked until the caller's transaction ends; 404 when there are none. */
    List<Kept> lock(long tenantId, String devEui) {
        List<Kept> kept = jdbc.sql("""
                        select id, uplink::text as uplink from lorawan_quarantine
                        where tenant_id = :tenant and dev_eui = :devEui
                        order by uplink_time, id for update""")
                .param("tenant", tenantId).param("devEui", devEui)
                .query((rs, n) -> new Kept(rs.getLong("id"), UplinkJson.read(json.readTree(rs.getString("uplink")))))
                .list();
        if (kept.isEmpty()) {
            throw ApiException.notFound("There are no kept uplinks of device " + devEui + " in this tenant.");
        }
        return kept;
    }

    void remove(long tenantId, List<Long> ids) {
        jdbc.sql("delete from lorawan_quarantine where tenant_id = :tenant and id = any(:ids)")
                .param("tenant", tenantId).param("ids", ids.toArray(Long[]::new)).update();
    }

    void keepWithReason(long tenantId, long id, String reason) {
        jdbc.sql("update lorawan_quarantine set reason = :reason where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).param("reason", reason).update();
    }

    /** Discards the device's kept uplinks; 404 when there are none. */
    public void discard(long tenantId, String devEui) {
        int deleted = jdbc.sql("delete from lorawan_quarantine where tenant_id = :tenant and dev_eui = :devEui")
                .param("tenant", tenantId).param("devEui", devEui).update();
        if (deleted == 0) {
            throw ApiException.notFound("There are no kept uplinks of device " + devEui + " in this tenant.");
        }
    }
}
