package dev.wareg.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An account was erased. Every holder of a copy of the person's data deletes or redacts it when it gets this event:
 * conversation state, web-chat transcripts, outbox rows and dead letters. The phone is the only value it carries,
 * because that is how the holders key what they keep (a conversation is {@code channel:sender}); the event itself
 * is purged with the rest of the person's events once handled.
 *
 * @param requestId      the {@link AccountErasureRequested} it answers, or null when the erasure came from the API
 * @param phone          the erased account's phone, E.164
 * @param channel        the channel to tell the outcome on, or null when no conversation asked for it
 * @param conversationId the sender's id on {@code channel}, or null with it
 * @param senders        the sender ids linked to the account ({@code channel:senderId}: a business-scoped user id, a
 *                       LID), whose conversations are keyed by them and not by the phone; empty when none. Added to
 *                       version 1 as an optional member, like {@code MessageReceived.location}: a reader that does
 *                       not know it ignores it, and an event written before it existed reads with none
 */
public record AccountErased(
        UUID eventId,
        Instant occurredAt,
        UUID requestId,
        UUID accountId,
        String phone,
        String channel,
        String conversationId,
        List<String> senders) implements IntegrationEvent {

    public AccountErased {
        senders = senders == null ? List.of() : List.copyOf(senders);
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(phone, "phone");
        if ((channel == null) != (conversationId == null)) {
            throw new IllegalArgumentException("channel and conversationId go together");
        }
    }

    /** An erasure of an account no sender id is linked to. */
    public AccountErased(UUID eventId, Instant occurredAt, UUID requestId, UUID accountId, String phone,
                         String channel, String conversationId) {
        this(eventId, occurredAt, requestId, accountId, phone, channel, conversationId, List.of());
    }

    /** Keyed by the conversation that asked, so its outcome follows its messages; by the account otherwise. */
    @Override
    public String orderingKey() {
        return channel == null ? "account:" + accountId : channel + ':' + conversationId;
    }
}
