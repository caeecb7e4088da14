package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The account now holds the requested change, at {@code accountVersion}. */
public record RegistrationUpdateApplied(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        UUID accountId,
        long accountVersion,
        String channel,
        String conversationId) implements IntegrationEvent {

    public RegistrationUpdateApplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }
}
