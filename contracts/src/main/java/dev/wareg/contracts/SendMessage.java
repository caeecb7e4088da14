package dev.wareg.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A command to a channel: send this text to this person. Channels that have interactive buttons show
 * {@link #buttons()}; the others render them as a numbered list.
 *
 * @param language the language the text is in (a BCP 47 tag such as {@code pt-BR}), for what a channel adds around
 *                 it (a list's menu label, a template's language); null when unknown. Added compatibly within v1:
 *                 readers ignore members they do not know.
 */
public record SendMessage(
        UUID eventId,
        Instant occurredAt,
        String channel,
        String recipient,
        String text,
        List<Button> buttons,
        String language) implements IntegrationEvent {

    public SendMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    /** A message in an unknown language. */
    public SendMessage(UUID eventId, Instant occurredAt, String channel, String recipient, String text,
                       List<Button> buttons) {
        this(eventId, occurredAt, channel, recipient, text, buttons, null);
    }

    @Override
    public String orderingKey() {
        return channel + ':' + recipient;
    }

    /** A quick reply: {@code title} is shown and, when chosen, comes back as the person's text. */
    public record Button(String id, String title) {

        public Button {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }
}
