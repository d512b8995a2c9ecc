package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.uplink.Uplink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * An uplink to keep in the quarantine.
 *
 * @param reason null for an unknown device; else why the registered device's uplink became no Observations
 */
public record KeptUplink(long tenantId, Uplink uplink, String reason) {

    /** Inserts the uplinks with one statement on the caller's connection (and transaction). */
    public static void insert(Connection connection, List<KeptUplink> kept) throws SQLException {
        if (kept.isEmpty()) {
            return;
        }
        int n = kept.size();
        Long[] tenants = new Long[n];
        String[] devEuis = new String[n];
        String[] servers = new String[n];
        String[] names = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] uplinks = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Uplink uplink = kept.get(i).uplink();
            tenants[i] = kept.get(i).tenantId();
            devEuis[i] = uplink.devEui();
            servers[i] = NetworkServerNames.name(uplink.networkServer());
            names[i] = uplink.deviceName();
            times[i] = Timestamp.from(uplink.time());
            uplinks[i] = UplinkJson.write(uplink).toString();
            reasons[i] = kept.get(i).reason();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into lorawan_quarantine (tenant_id, dev_eui, network_server, device_name, uplink_time, uplink,
                                                reason)
                select t, d, s, n, u, j::jsonb, r
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                     as x(t, d, s, n, u, j, r)""")) {
            insert.setArray(1, connection.createArrayOf("bigint", tenants));
            insert.setArray(2, connection.createArrayOf("text", devEuis));
            insert.setArray(3, connection.createArrayOf("text", servers));
            insert.setArray(4, connection.createArrayOf("text", names));
            insert.setArray(5, connection.createArrayOf("timestamptz", times));
            insert.setArray(6, connection.createArrayOf("text", uplinks));
            insert.setArray(7, connection.createArrayOf("text", reasons));
            insert.executeUpdate();
        }
    }
}
