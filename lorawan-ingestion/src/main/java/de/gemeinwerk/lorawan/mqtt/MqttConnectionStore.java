package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.platform.secrets.SecretBox;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored MQTT connections (table lorawan_mqtt_connection). Every statement that serves a tenant names it; only
 * {@link #enabled} reads across tenants, for starting the connections. Passwords are sealed on the way in and opened
 * only for connecting.
 */
@Component
public class MqttConnectionStore {

    private static final String COLUMNS = """
            id, tenant_id, name, network_server, uri, username, application_id, ca_certificate, enabled, created_at,
            password_sealed""";
    private static final RowMapper<MqttConnection> CONNECTION = (rs, row) -> new MqttConnection(
            rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
            NetworkServerNames.parse(rs.getString("network_server"), "network_server"), rs.getString("uri"),
            rs.getString("username"), rs.getString("application_id"), rs.getString("ca_certificate"),
            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getString("password_sealed"));

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    public MqttConnectionStore(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    MqttConnection create(long tenantId, MqttConnectionRequest.NewMqttConnection connection) {
        String sealed = connection.password() == null ? null
                : secrets.seal(connection.password(), passwordContext(tenantId));
        return jdbc.sql("""
                        insert into lorawan_mqtt_connection
                            (tenant_id, name, network_server, uri, username, password_sealed, application_id, ca_certificate)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        returning\s""" + COLUMNS)
                .params(tenantId, connection.name(), NetworkServerNames.name(connection.networkServer()),
                        connection.uri(), connection.username(), sealed, connection.applicationId(),
                        connection.caCertificate())
                .query(CONNECTION).single();
    }

    List<MqttConnection> list(long tenantId) {
        return jdbc.sql("select " + COLUMNS + " from lorawan_mqtt_connection where tenant_id = ? order by id")
                .param(tenantId).query(CONNECTION).list();
    }

    /** Whether the tenant had this connection (and now has it no more). */
    boolean delete(long tenantId, long id) {
        return jdbc.sql("delete from lorawan_mqtt_connection where tenant_id = ? and id = ?")
                .param(tenantId).param(id).update() > 0;
    }

    /** The connections of every tenant to open at start. */
    List<MqttConnection> enabled() {
        return jdbc.sql("select " + COLUMNS + " from lorawan_mqtt_connection where enabled order by id")
                .query(CONNECTION).list();
    }

    /** Records the status of connections this instance holds, for the other instances' admin API. */
    void report(Map<Long, ConnectionStatus> statuses) {
        statuses.forEach((id, status) -> jdbc.sql("""
                        insert into lorawan_mqtt_connection_status
                            (connection_id, state, last_error, last_message_at, received, reported_at)
                        select id, ?, ?, ?, ?, now() from lorawan_mqtt_connection where id = ?
                        on conflict (connection_id) do update set state = excluded.state,
                            last_error = excluded.last_error, last_message_at = excluded.last_message_at,
                            received = excluded.received, reported_at = excluded.reported_at""")
                .param(status.state()).param(status.lastError())
                .param(status.lastMessageAt() == null ? null : Timestamp.from(status.lastMessageAt()))
                .param(status.received()).param(id)
                .update());
    }

    /** The status last reported by the instances holding the tenant's connections, by connection id. */
    Map<Long, ConnectionStatus> reported(long tenantId) {
        Map<Long, ConnectionStatus> reported = new HashMap<>();
        jdbc.sql("""
                        select s.connection_id, s.state, s.last_error, s.last_message_at, s.received
                        from lorawan_mqtt_connection_status s
                        join lorawan_mqtt_connection c on c.id = s.connection_id
                        where c.tenant_id = ?""")
                .param(tenantId)
                .query(rs -> {
                    Timestamp lastMessageAt = rs.getTimestamp(4);
                    reported.put(rs.getLong(1), new ConnectionStatus(rs.getString(2), rs.getString(3),
                            lastMessageAt == null ? null : lastMessageAt.toInstant(), rs.getLong(5)));
                });
        return reported;
    }

    /**
     * The connection's password in clear, or null when it has none.
     *
     * @throws de.gemeinwerk.platform.secrets.SecretException when the secrets key is not the one it was sealed with
     */
    String password(MqttConnection connection) {
        return connection.sealedPassword() == null ? null
                : secrets.open(connection.sealedPassword(), passwordContext(connection.tenantId()));
    }

    /** Sealed for the tenant: a sealed password copied into another tenant's row does not open. */
    private static String passwordContext(long tenantId) {
        return "lorawan_mqtt_connection.password/tenant " + tenantId;
    }
}
