package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.secrets.SecretBox;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

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
            NetworkServerNames.find(rs.getString("network_server")).orElseThrow(), rs.getString("uri"),
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
