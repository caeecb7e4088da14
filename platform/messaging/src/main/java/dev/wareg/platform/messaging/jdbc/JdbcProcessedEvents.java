package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processed events in {@code messaging_processed_event}. Statements join the caller's transaction, so the bus
 * records an event as processed in the same transaction that deletes its delivery.
 */
final class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    JdbcProcessedEvents(JdbcClient jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public boolean isProcessed(String subscriber, UUID eventId) {
        return jdbc.sql("select exists (select 1 from messaging_processed_event where subscriber = ? and event_id = ?)")
                .param(subscriber).param(eventId)
                .query(Boolean.class).single();
    }

    @Override
    public void markProcessed(String subscriber, UUID eventId) {
        jdbc.sql("""
                        insert into messaging_processed_event (subscriber, event_id, processed_at) values (?, ?, ?)
                        on conflict (subscriber, event_id) do nothing""")
                .param(subscriber).param(eventId).param(Timestamps.of(clock.instant()))
                .update();
    }

    /** @return how many records were older than the retention and are forgotten */
    int purge() {
        return jdbc.sql("delete from messaging_processed_event where processed_at < ?")
                .param(Timestamps.of(clock.instant().minus(retention)))
                .update();
    }
}
