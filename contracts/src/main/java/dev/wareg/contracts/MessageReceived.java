package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person wrote to the bot on some channel.
 *
 * @param channel          the channel the message came from, e.g. {@code web-chat}; replies go back to it
 * @param channelMessageId the channel's own id of the message, used to drop duplicate deliveries
 * @param sender           the sender's id on that channel (E.164 phone where the channel has one)
 * @param text             what they wrote; may be empty (a sticker, an empty web form)
 */
public record MessageReceived(
        UUID eventId,
        Instant occurredAt,
        String channel,
        String channelMessageId,
        String sender,
        String text) implements IntegrationEvent {

    public MessageReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(sender, "sender");
        text = text == null ? "" : text;
    }

    @Override
    public String orderingKey() {
        return channel + ':' + sender;
    }
}
