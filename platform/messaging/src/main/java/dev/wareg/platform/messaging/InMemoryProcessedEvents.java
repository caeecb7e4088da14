package dev.wareg.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Processed events in this JVM only: for the in-process bus and tests, where nothing survives a restart anyway. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    /** In the order they were marked, so the expired ones are always at the head. */
    private final LinkedHashMap<Key, Instant> processed = new LinkedHashMap<>();
    private final Duration retention;
    private final Clock clock;

    public InMemoryProcessedEvents(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public synchronized boolean isProcessed(String subscriber, UUID eventId) {
        return processed.containsKey(new Key(subscriber, eventId));
    }

    @Override
    public synchronized void markProcessed(String subscriber, UUID eventId) {
        Instant now = clock.instant();
        processed.put(new Key(subscriber, eventId), now);
        Instant horizon = now.minus(retention);
        for (Iterator<Map.Entry<Key, Instant>> oldest = processed.entrySet().iterator(); oldest.hasNext(); ) {
            if (!oldest.next().getValue().isBefore(horizon)) {
                return;
            }
            oldest.remove();
        }
    }

    private record Key(String subscriber, UUID eventId) {
    }
}
