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
}
