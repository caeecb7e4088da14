package dev.wareg.platform.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcProcessedEventsIntegrationTests {

    private final TestBuses buses = new TestBuses();
    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final JdbcProcessedEvents processed;

    JdbcProcessedEventsIntegrationTests() {
        DataSource database = buses.freshSchema();
        JdbcEventBus.migrate(database);
        processed = new JdbcProcessedEvents(JdbcClient.create(database), Duration.ofDays(7), clock);
    }

    @AfterEach
    void close() {
        buses.close();
    }

    @Test
    void anEventIsProcessedForTheSubscriberThatMarkedItOnly() {
        UUID eventId = UUID.randomUUID();

        processed.markProcessed("chat", eventId);
        processed.markProcessed("chat", eventId);

        assertThat(processed.isProcessed("chat", eventId)).isTrue();
        assertThat(processed.isProcessed("update-worker", eventId)).isFalse();
        assertThat(processed.isProcessed("chat", UUID.randomUUID())).isFalse();
    }

    @Test
    void thePurgeForgetsOnlyRecordsOlderThanTheRetention() {
        UUID old = UUID.randomUUID();
        processed.markProcessed("chat", old);
        clock.advance(Duration.ofDays(1));
        UUID recent = UUID.randomUUID();
        processed.markProcessed("chat", recent);

        clock.advance(Duration.ofDays(6));
        assertThat(processed.purge()).isZero();
        clock.advance(Duration.ofSeconds(1));

        assertThat(processed.purge()).isEqualTo(1);
        assertThat(processed.isProcessed("chat", old)).isFalse();
        assertThat(processed.isProcessed("chat", recent)).isTrue();
    }
}
