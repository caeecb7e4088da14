package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A command to the mailer: send this plain-text e-mail. The chat uses it for the code that proves a person owns a
 * new e-mail address. It is keyed by the conversation it belongs to, so that it travels in order with that
 * conversation's other events and is forgotten with them when the person is erased.
 *
 * @param to             the address, already validated and normalised
 * @param language       the language the text is in (BCP 47)
 * @param channel        the channel of the conversation that asked for it
 * @param conversationId the person's id on {@code channel}
 */
public record SendEmail(
        UUID eventId,
        Instant occurredAt,
        String to,
        String subject,
        String text,
        String language,
        String channel,
        String conversationId) implements IntegrationEvent {

    public SendEmail {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    @Override
    public String orderingKey() {
        return channel + ':' + conversationId;
    }
}
