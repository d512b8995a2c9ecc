package de.gemeinwerk.sensorthings.changes;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The committed creations and updates of SensorThings entities, from every instance on the database: one session
 * LISTENs to the triggers' notifications ({@link ChangeNotifications}) and hands each batch that arrived together to
 * the consumers, on its own thread. Started by the first consumer, so an instance without any keeps no connection.
 * <p>
 * If the connection breaks, it is opened again (logged); changes committed in between are not delivered — like
 * MQTT's own delivery to subscribers, notifications are best effort.
 */
@Component
public class ChangeFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1000;

    private final DataSource dataSource;
    private final List<Consumer<List<Change>>> consumers = new CopyOnWriteArrayList<>();
    private volatile Thread listener;
    private volatile boolean closed;
    private volatile boolean listening;

    public ChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Delivers every batch of changes from now on to {@code consumer} (on the feed's thread: return quickly). */
    public synchronized void subscribe(Consumer<List<Change>> consumer) {
        consumers.add(consumer);
        if (listener == null && !closed) {
            listener = Thread.ofPlatform().name("sta-change-feed").daemon().start(this::listen);
        }
    }

    /** Whether the LISTEN session is up (changes are being received). */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        boolean reconnecting = false;
        while (!closed) {
            try (Connection connection = open(); Statement statement = connection.createStatement()) {
                statement.execute("listen " + ChangeNotifications.CHANNEL);
                listening = true;
                if (reconnecting) {
                    log.info("change feed listening again; changes committed while it was disconnected were not notified");
                }
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                listening = false;
                log.warn("change feed connection lost ({}); reconnecting in {} ms", e.getMessage(), RECONNECT_MILLIS);
                reconnecting = true;
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void receive(PGConnection connection) throws SQLException {
        while (!closed) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications == null || notifications.length == 0) {
                continue;
            }
            List<Change> changes = new ArrayList<>(notifications.length);
            for (PGNotification notification : notifications) {
                changes.addAll(ChangeNotifications.parse(notification.getParameter()));
            }
            if (!changes.isEmpty()) {
                deliver(changes);
            }
        }
    }

    private void deliver(List<Change> changes) {
        for (Consumer<List<Change>> consumer : consumers) {
            try {
                consumer.accept(changes);
            } catch (RuntimeException e) {
                log.error("a change consumer failed on {} changes", changes.size(), e);
            }
        }
    }

    /**
     * A connection of its own, outside the pool: it is held for as long as the instance runs, and a pooled one
     * would be taken from the requests (and be closed by the pool's maximum lifetime).
     */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool) {
            return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        }
        return dataSource.getConnection();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        Thread running = listener;
        if (running != null) {
            running.join(POLL_MILLIS * 4L);
        }
    }
}
