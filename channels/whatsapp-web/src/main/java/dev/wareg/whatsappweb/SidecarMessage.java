package dev.wareg.whatsappweb;

import dev.wareg.contracts.MessageReceived.Location;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One message as the sidecar forwards it (the contract in {@code docs/channels.md}), reduced to what the bot reads.
 * Strict where the bot cannot do without a member (an id to deduplicate by, a sender to answer, a type, a usable
 * location for a {@code location}), since the sidecar is ours and a body without them is a bug to surface with a
 * 400; tolerant of members it does not know, so the sidecar may add some first.
 *
 * @param messageId Baileys' {@code key.id}
 * @param sender    {@code +} and E.164 digits, or a LID JID; replies go to it as is
 * @param type      the contract's type; a type this side does not know yet reads as {@link Type#UNSUPPORTED}
 * @param text      what the bot reads: the text, the chosen option's title, the edited text, a shared contact's
 *                  first phone (else its name); empty for a location and for what the bot cannot read, which the
 *                  chat answers politely ("I didn't receive any text")
 * @param location  the place shared, for a {@code location}; otherwise null
 * @param media     for an {@code unsupported} message, what Baileys' {@code kind} says it was, as the chat names media
 *                  ({@link dev.wareg.contracts.MessageReceived#MEDIA}); otherwise null
 */
record SidecarMessage(String messageId, String sender, Type type, String text, Location location, String media) {

    /** Baileys' content types of media, by the kind the chat answers (a voice note is an {@code audioMessage}). */
    private static final Map<String, String> MEDIA_KINDS = Map.of(
            "audioMessage", "audio",
            "imageMessage", "image",
            "videoMessage", "video",
            "ptvMessage", "video",
            "documentMessage", "document",
            "documentWithCaptionMessage", "document",
            "stickerMessage", "sticker",
            "reactionMessage", "reaction");

    SidecarMessage(String messageId, String sender, Type type, String text, Location location) {
        this(messageId, sender, type, text, location, null);
    }

    enum Type {
        TEXT, BUTTON, LIST, LOCATION, CONTACT, EDIT, UNSUPPORTED;

        /** The contract's name, and the {@code type} tag of the inbound metric: a fixed set. */
        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type of(String name) {
            for (Type type : values()) {
                if (type.tag().equals(name)) {
                    return type;
                }
            }
            return UNSUPPORTED;
        }
    }

    /** A body that is JSON but not the contract's shape; the message names the member, never its value. */
    static final class InvalidShape extends RuntimeException {

        InvalidShape(String detail) {
            super(detail, null, false, false);
        }
    }

    static SidecarMessage from(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidShape("the body must be a JSON object");
        }
        String messageId = required(body, "messageId");
        String sender = required(body, "sender");
        Type type = Type.of(required(body, "type"));
        return switch (type) {
            case TEXT, BUTTON, LIST, EDIT -> new SidecarMessage(messageId, sender, type, text(body.path("text")), null);
            case CONTACT -> new SidecarMessage(messageId, sender, type, contact(body.path("contact")), null);
            case LOCATION -> new SidecarMessage(messageId, sender, type, "", location(body.path("location")));
            case UNSUPPORTED -> new SidecarMessage(messageId, sender, type, "", null,
                    MEDIA_KINDS.get(text(body.path("kind"))));
        };
    }

    private static String required(JsonNode body, String member) {
        String value = text(body.path(member));
        if (value.isBlank()) {
            throw new InvalidShape(member + " must be a non-empty string");
        }
        return value;
    }

    // A shared contact is most often someone's number sent as the answer to "what is your phone?": the first phone
    // is what the chat validates; a card without one gives its name, which is at least an answer to read.
    private static String contact(JsonNode contact) {
        for (JsonNode phone : contact.path("phones")) {
            String value = text(phone);
            if (!value.isBlank()) {
                return value;
            }
        }
        return text(contact.path("name"));
    }

    private static Location location(JsonNode location) {
        JsonNode latitude = location.path("latitude");
        JsonNode longitude = location.path("longitude");
        if (!latitude.isNumber() || !longitude.isNumber()) {
            throw new InvalidShape("location must have numeric latitude and longitude");
        }
        try {
            return new Location(latitude.asDouble(), longitude.asDouble(), text(location.path("name")),
                    text(location.path("address")));
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidShape("location's latitude must be within -90..90 and longitude within -180..180");
        }
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }
}
