package dev.wareg.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person wrote to the bot on some channel.
 *
 * <p>{@code location} was added to version 1 without a new version: it is optional, a reader that does not know it
 * ignores it (and sees a message without text), and a message written before it existed reads with none. A new
 * version would make every reader not yet updated refuse every message, located or not, during a rolling update.
 *
 * @param channel          the channel the message came from, e.g. {@code web-chat}; replies go back to it
 * @param channelMessageId the channel's own id of the message, used to drop duplicate deliveries
 * @param sender           the sender's id on that channel (E.164 phone where the channel has one)
 * @param text             what they wrote; may be empty (a sticker, an empty web form, a location)
 * @param location         the place they shared (a map pin), or null for any other message
 * @param senderVerified   the channel proved that {@code sender} wrote this: Meta signed the webhook, the linked
 *                         WhatsApp Web session received it, or a web-chat session was bound to the number by a
 *                         one-time code. The chat reveals and changes nothing for a sender that is not proven.
 *                         Added to version 1 as an optional member that reads as {@code false} when absent, so a
 *                         message from a channel not yet updated is treated as unproven, never the other way round.
 * @param media            what the person sent instead of text, one of {@link #MEDIA}, or null for text (and buttons,
 *                         lists, locations, contacts): the chat answers a voice note or a picture for what it is, and a
 *                         reaction not at all. Added to version 1 as an optional member, like {@code location}.
 */
public record MessageReceived(
        UUID eventId,
        Instant occurredAt,
        String channel,
        String channelMessageId,
        String sender,
        String text,
        Location location,
        boolean senderVerified,
        String media) implements IntegrationEvent {

    /** The kinds of media a channel names; anything else it receives is passed on as a message without text. */
    public static final Set<String> MEDIA = Set.of("audio", "image", "video", "document", "sticker",
            "reaction");

    public MessageReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(channelMessageId, "channelMessageId");
        Objects.requireNonNull(sender, "sender");
        text = text == null ? "" : text;
        // A kind a newer producer knows and this reader does not reads as a message without text, never as an error.
        media = media != null && MEDIA.contains(media) ? media : null;
    }

    /** A message of text (or a button, a list, a location, a contact), not media. */
    public MessageReceived(UUID eventId, Instant occurredAt, String channel, String channelMessageId, String sender,
                           String text, Location location, boolean senderVerified) {
        this(eventId, occurredAt, channel, channelMessageId, sender, text, location, senderVerified, null);
    }

    /** A message without a location: what every channel sends for text, buttons and the rest. */
    public MessageReceived(UUID eventId, Instant occurredAt, String channel, String channelMessageId, String sender,
                           String text, boolean senderVerified) {
        this(eventId, occurredAt, channel, channelMessageId, sender, text, null, senderVerified, null);
    }

    @Override
    public String orderingKey() {
        return channel + ':' + sender;
    }

    /**
     * A shared place: always its coordinates; its name and address only when the person picked a place rather than
     * dropping a pin ("current location" has coordinates only). The address is written as the map app writes it,
     * e.g. {@code Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200}; nothing checks it is one.
     *
     * @param latitude  degrees, -90 to 90
     * @param longitude degrees, -180 to 180
     * @param name      the place's name ("MASP"), or null
     * @param address   the place's address as one line, or null
     */
    public record Location(double latitude, double longitude, String name, String address) {

        public Location {
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new IllegalArgumentException("coordinates out of range");
            }
            name = blankToNull(name);
            address = blankToNull(address);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
