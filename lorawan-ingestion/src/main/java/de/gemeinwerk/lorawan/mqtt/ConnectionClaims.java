package de.gemeinwerk.lorawan.mqtt;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which instance holds which MQTT connection when several Gemeinwerk instances share the database. A broker allows
 * one client per client id and disconnects the older one when another connects with it, so two instances holding the
 * same connection would take it from each other without end. An instance therefore claims a connection with a
 * session-level PostgreSQL advisory lock, on a session of its own: the lock ends with the session, so when an
 * instance stops or dies, another one claims the connection at its next round.
 * <p>
 * Not thread-safe: {@link MqttConnections} uses it under its lock.
 */
final class ConnectionClaims implements AutoCloseable {

    /** The first key of the two-key advisory locks: "MQTT connections" (the second is the connection id). */
    private static final int LOCK_SPACE = 0x4c574d51; // "LWMQ"
    private static final int VALIDATION_SECONDS = 5;

    private final DataSource dataSource;
    private final Set<Long> claimed = new HashSet<>();
    private Connection session;

    ConnectionClaims(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Claims the connection for this instance; false when another instance holds it. */
    boolean claim(long connectionId) throws SQLException {
        if (claimed.contains(connectionId)) {
            return true; // a second lock on the same key would need a second unlock
        }
        if (lock("select pg_try_advisory_lock(?, ?)", connectionId)) {
            claimed.add(connectionId);
            return true;
        }
        return false;
    }

    void release(long connectionId) throws SQLException {
        if (claimed.remove(connectionId)) {
            lock("select pg_advisory_unlock(?, ?)", connectionId);
        }
    }

    /**
     * Whether every claim still holds. False when the session broke (database restarted, network): its locks are
     * gone, another instance may have claimed the connections since, so the caller closes them all; the next
     * {@link #claim} opens a new session.
     */
    boolean intact() {
        try {
            return session == null || session.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends the session: every claim is released. */
    @Override
    public void close() {
        claimed.clear();
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                // the session is gone either way, and with it its locks
            }
            session = null;
        }
    }

    private boolean lock(String sql, long connectionId) throws SQLException {
        if (session == null || session.isClosed()) {
            session = open();
        }
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setInt(1, LOCK_SPACE);
            // ids beyond 2^31 fold into the second key: two connections sharing a key are merely held by one instance
            statement.setInt(2, (int) (connectionId ^ (connectionId >>> 32)));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /**
     * A connection of its own, outside the pool (as the change feed's): it is held for as long as the instance runs,
     * and the pool would close it after its maximum lifetime — releasing the locks.
     */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }
}
