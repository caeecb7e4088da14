package dev.wareg.cloudapi;

import dev.wareg.platform.messaging.ExpiringSet;
import java.time.Clock;
import java.time.Duration;

/**
 * Message ids in this process only, lost on restart: for tests and a single instance that may see a redelivery
 * twice after a restart (the bot's consumers still drop it by event id, see {@link InboundMessages}).
 */
final class InMemoryProcessedMessages implements ProcessedMessages {

    private final ExpiringSet<String> seen;

    InMemoryProcessedMessages(Duration ttl, Clock clock) {
        this.seen = new ExpiringSet<>(ttl, clock);
    }

    @Override
    public boolean contains(String messageId) {
        return seen.contains(messageId);
    }

    @Override
    public void remember(String messageId) {
        seen.add(messageId);
    }
}
