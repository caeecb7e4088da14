package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The person asked to talk to a human. Whoever staffs the channel picks the conversation up; the bot has told the
 * person so. Carries no message text: the attendant reads the conversation on the channel itself.
 *
 * @param conversationId the sender's id on {@code channel}
 * @param language       the conversation's language tag ({@code pt-BR}, {@code en})
 */
public record HandoffRequested(
        UUID eventId,
        Instant occurredAt,
        String channel,
        String conversationId,
        String language) implements IntegrationEvent {

    public HandoffRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(language, "language");
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }
}
