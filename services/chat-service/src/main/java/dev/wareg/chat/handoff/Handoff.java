package dev.wareg.chat.handoff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One person waiting for staff, or taken by a staff member. The id is that of the {@link
 * dev.wareg.contracts.HandoffRequested} that put them in the queue, so a redelivery of it is recognised.
 *
 * @param conversationId the person's id on {@code channel} (often their phone): staff need it to answer them
 * @param requestedAt    when the person asked (the event's time), what the wait is counted from
 * @param claimedAt      when a staff member took it, or null while it waits
 * @param claimedBy      the subject of the staff member's token, or null while it waits
 */
record Handoff(
        UUID id,
        String channel,
        String conversationId,
        String language,
        Instant requestedAt,
        Instant claimedAt,
        String claimedBy) {

    Handoff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    static Handoff waiting(UUID id, String channel, String conversationId, String language, Instant requestedAt) {
        return new Handoff(id, channel, conversationId, language, requestedAt, null, null);
    }

    boolean isWaiting() {
        return claimedAt == null;
    }

    Handoff claimed(Instant at, String by) {
        return new Handoff(id, channel, conversationId, language, requestedAt, at, by);
    }
}
