package dev.wareg.contracts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The person confirmed a change. With an {@code accountId} it updates that account, expecting it to still be at
 * {@code expectedVersion}; without one it registers a new account for {@code sender}.
 *
 * @param changes        by API property, in the order they were asked
 * @param conversationId who to tell the outcome: the sender's id on {@code channel}
 */
public record RegistrationUpdateRequested(
        UUID eventId,
        Instant occurredAt,
        UUID accountId,
        String sender,
        Map<String, FieldChange> changes,
        Long expectedVersion,
        String channel,
        String conversationId) implements IntegrationEvent {

    public RegistrationUpdateRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("an update request needs at least one change");
        }
        if (accountId != null && expectedVersion == null) {
            throw new IllegalArgumentException("an update of an existing account needs its expected version");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }

    public boolean isRegistration() {
        return accountId == null;
    }
}
