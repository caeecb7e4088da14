package dev.wareg.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Processed events in this JVM only: for the in-process bus and tests, where nothing survives a restart anyway. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    private final ExpiringSet<Key> processed;

    public InMemoryProcessedEvents(Duration retention, Clock clock) {
        this.processed = new ExpiringSet<>(retention, clock);
    }

    @Override
    public boolean isProcessed(String subscriber, UUID eventId) {
        return processed.contains(new Key(subscriber, eventId));
    }

    @Override
    public void markProcessed(String subscriber, UUID eventId) {
        processed.add(new Key(subscriber, eventId));
    }

    private record Key(String subscriber, UUID eventId) {
    }
}
