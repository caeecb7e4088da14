package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.Subscriptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link Deliveries#CHANNEL} with a connection of its own and wakes the worker of each lane an event
 * for this schema went to (the payload is {@code schema/subscriber/shard}, see {@link Deliveries#publish}); a
 * payload with the schema alone (a re-driven dead letter, or a bus of an earlier version) wakes every worker.
 * Notifications only shorten the wait: workers poll anyway, so one lost while the connection is down (a failover,
 * {@code pg_terminate_backend}) delays an event by at most a poll interval. The listener reconnects after such a
 * loss, and wakes the workers once it listens again.
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-notify.html">NOTIFY</a>
 */
final class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    /** How long one wait for notifications lasts, so that {@link #stop()} is noticed soon. */
    private static final Duration TURN = Duration.ofMillis(500);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Wakeups wakeups;
    private volatile boolean running;
    private volatile int backendPid;
    private Thread thread;

    NotificationListener(DataSource dataSource, Wakeups wakeups) {
        this.dataSource = dataSource;
        this.wakeups = wakeups;
    }

    synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("bus-listener").daemon(true).start(this::listen);
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TURN.plus(RECONNECT_DELAY).multipliedBy(2));
        }
    }

    /** The database process serving the listener now, 0 while it is not connected (for fault tests). */
    int backendPid() {
        return backendPid;
    }

    private void listen() {
        while (running) {
            try {
                listenOnce();
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (running) {
                    log.warn("Event notifications lost, reconnecting in {}: {}", RECONNECT_DELAY, Subscriptions.reason(e));
                    sleep();
                }
            }
        }
    }

    private void listenOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String schema;
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + Deliveries.CHANNEL);
                try (ResultSet row = statement.executeQuery("select current_schema(), pg_backend_pid()")) {
                    row.next();
                    schema = row.getString(1);
                    backendPid = row.getInt(2);
                }
            }
            wakeups.all();
            PGConnection notifications = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] received = notifications.getNotifications((int) TURN.toMillis());
                if (received != null) {
                    wake(received, schema);
                }
            }
            // The connection may go back to a pool: it must not go on collecting notifications nobody reads.
            try (Statement statement = connection.createStatement()) {
                statement.execute("unlisten *");
            }
            backendPid = 0;
        }
    }

    private void wake(PGNotification[] received, String schema) {
        for (PGNotification notification : received) {
            String payload = notification.getParameter();
            if (payload.equals(schema)) {
                wakeups.all();
            } else if (payload.startsWith(schema + "/")) {
                int lastSlash = payload.lastIndexOf('/');
                try {
                    wakeups.lane(payload.substring(schema.length() + 1, lastSlash),
                            Integer.parseInt(payload.substring(lastSlash + 1)));
                } catch (RuntimeException e) {
                    wakeups.all();
                }
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RECONNECT_DELAY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
