package dev.wareg.platform.messaging.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** JDBC buses on fresh schemas of the test PostgreSQL, with short delays; {@link #close()} stops them all. */
final class TestBuses implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(200);

    private final List<JdbcEventBus> buses = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    /** A connection pool on a schema of its own. */
    DataSource freshSchema() {
        return pool(TestPostgres.freshSchema());
    }

    DataSource pool(TestPostgres.Schema schema) {
        var pool = new HikariDataSource();
        pool.setJdbcUrl(schema.url());
        pool.setUsername(schema.username());
        pool.setPassword(schema.password());
        pool.setMaximumPoolSize(6);
        pool.setMinimumIdle(0);
        pools.add(pool);
        return pool;
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts) {
        return bus(dataSource, maxAttempts, POLL, Clock.systemUTC());
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts, Duration poll, Clock clock) {
        return bus(dataSource, maxAttempts, poll, clock, EventTracing.NONE, DeadLetterCounter.NONE);
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts, Duration poll, Clock clock,
                     DeadLetterCounter deadLetterCounter) {
        return bus(dataSource, maxAttempts, poll, clock, EventTracing.NONE, deadLetterCounter);
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts, Duration poll, Clock clock, EventTracing tracing) {
        return bus(dataSource, maxAttempts, poll, clock, tracing, DeadLetterCounter.NONE);
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts, Duration poll, Clock clock, EventTracing tracing,
                     DeadLetterCounter deadLetterCounter) {
        // Retentions far beyond what the tests' clocks advance, except where a test sets its own.
        return bus(dataSource, maxAttempts, new JdbcMessagingProperties(poll, 2, Duration.ofHours(1),
                Duration.ofDays(30), Duration.ofDays(30)), clock, tracing, deadLetterCounter);
    }

    JdbcEventBus bus(DataSource dataSource, int maxAttempts, JdbcMessagingProperties settings, Clock clock,
                     EventTracing tracing, DeadLetterCounter deadLetterCounter) {
        var bus = new JdbcEventBus(dataSource, properties(maxAttempts), settings, tracing, clock, deadLetterCounter);
        buses.add(bus);
        return bus;
    }

    /** A bus that seals the events about people under their keys in the same database, as the embedded default's. */
    JdbcEventBus sealedBus(DataSource dataSource, int maxAttempts, DeadLetterCounter deadLetterCounter) {
        var bus = new JdbcEventBus(dataSource, properties(maxAttempts), new JdbcMessagingProperties(POLL, 2,
                Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(30)), EventTracing.NONE, Clock.systemUTC(),
                deadLetterCounter, new JdbcPersonKeys(dataSource));
        buses.add(bus);
        return bus;
    }

    static MessagingProperties properties(int maxAttempts) {
        return new MessagingProperties(MessagingProperties.Bus.JDBC, maxAttempts, Duration.ofMillis(10),
                Duration.ofMillis(100), 8, Duration.ofDays(7));
    }

    @Override
    public void close() {
        buses.forEach(JdbcEventBus::stop);
        pools.forEach(HikariDataSource::close);
    }
}
