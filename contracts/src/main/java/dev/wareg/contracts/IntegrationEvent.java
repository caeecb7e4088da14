package dev.wareg.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event carries. Consumers are idempotent by {@link #eventId()}; {@link #version()} changes only
 * when a record changes incompatibly, so an old consumer can refuse what it cannot read.
 */
public interface IntegrationEvent {

    UUID eventId();

    Instant occurredAt();

    default int version() {
        return 1;
    }

    /**
     * Events with the same key are handled in the order they were published, one at a time; events with
     * different keys may be handled in parallel. Every event here is keyed by its conversation (channel and the
     * person's id on it), so one person's messages and outcomes stay in order. The key may hold a phone number:
     * adapters route by a hash of it and never store or log it.
     */
    String orderingKey();
}
