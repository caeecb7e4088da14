package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A proven sender confirmed in the chat that their account is to be erased (LGPD art. 18, VI). The update-worker
 * erases it through the account API and answers with {@link AccountErased}, or with a
 * {@link RegistrationUpdateRejected} whose {@code requestId} is this event's id when it cannot. Carries no
 * personal data: the account is named by its id.
 *
 * @param conversationId who to tell the outcome: the sender's id on {@code channel}
 */
public record AccountErasureRequested(
        UUID eventId,
        Instant occurredAt,
        UUID accountId,
        String channel,
        String conversationId) implements IntegrationEvent {

    public AccountErasureRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }
}
