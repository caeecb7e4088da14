package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The requested change was not applied and will not be without the person doing something.
 *
 * @param reasonCode stable, for the chat to choose what to say and for metrics
 * @param reason     for operators; never shown to the person and never carrying PII
 */
public record RegistrationUpdateRejected(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        ReasonCode reasonCode,
        String reason,
        String channel,
        String conversationId) implements IntegrationEvent {

    public RegistrationUpdateRejected {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }

    public enum ReasonCode {
        /** account-api refused a value. */
        INVALID_VALUE,
        /** The account changed since the person saw it. */
        STALE_VERSION,
        /** Someone else holds that phone (or another unique value). */
        CONFLICT,
        /** The account no longer exists. */
        UNKNOWN_ACCOUNT,
        /** account-api could not be reached or failed, and retrying did not help. */
        UNAVAILABLE
    }
}
