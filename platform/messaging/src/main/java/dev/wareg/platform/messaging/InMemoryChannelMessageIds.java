package dev.wareg.platform.messaging;

import java.time.Clock;
import java.time.Duration;

/**
 * Message ids in this process only, lost on restart: for tests and a single instance, which may then publish a
 * redelivery twice after a restart (consumers still drop the second by event id when the channel derives the event
 * id from the message id).
 */
public final class InMemoryChannelMessageIds implements ChannelMessageIds {

    private final ExpiringSet<String> seen;

    public InMemoryChannelMessageIds(Duration ttl, Clock clock) {
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
