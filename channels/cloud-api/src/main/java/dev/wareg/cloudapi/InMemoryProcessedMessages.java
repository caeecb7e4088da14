package dev.wareg.cloudapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message ids in this process only, lost on restart: for tests and a single instance that may see a redelivery
 * twice after a restart (the bot's consumers still drop it by event id, see {@link InboundMessages}).
 */
final class InMemoryProcessedMessages implements ProcessedMessages {

    private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    InMemoryProcessedMessages(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public boolean contains(String messageId) {
        Instant expiry = expiries.get(messageId);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    @Override
    public void remember(String messageId) {
        Instant now = clock.instant();
        // Bounded by time, not size: forgetting expired ids on each write keeps the map to one TTL of traffic.
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        expiries.put(messageId, now.plus(ttl));
    }
}
