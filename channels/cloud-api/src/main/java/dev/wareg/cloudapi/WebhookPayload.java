package dev.wareg.cloudapi;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.MessageReceived.Location;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Meta webhook delivery the bot needs
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples): every message of every
 * change of every entry, and the statuses of sent messages. Read as a tree and tolerant: unknown fields and
 * unknown message types are not errors, since Meta adds both without notice.
 */
record WebhookPayload(List<InboundMessage> messages, List<Status> statuses) {

    /**
     * What became of a message the bot sent.
     *
     * @param errorCode for a {@code failed} one, Meta's error code (131047 outside the 24-hour window, 131026
     *                  undeliverable, ...), else 0
     * @param sentAt    when it happened (Meta's {@code timestamp}, Unix seconds), or null without a usable one
     */
    record Status(String status, int errorCode, Instant sentAt) {

        Status(String status, int errorCode) {
            this(status, errorCode, null);
        }
    }

    /**
     * @param id       the WhatsApp message id ({@code wamid...})
     * @param sender   E.164 phone, or the business-scoped user id where Meta gives no phone
     * @param text     what the bot reads; empty for what it cannot read (media, reactions, unsupported types) and
     *                 for a location, which the bot reads from {@code location}
     * @param location the place shared, for a location message with usable coordinates; otherwise null
     * @param media    what was sent instead of text ({@code audio}, {@code image}, ...: {@link
     *                 dev.wareg.contracts.MessageReceived#MEDIA}), or null
     * @param sentAt   when the person sent it (Meta's {@code timestamp}, Unix seconds), or null without a usable one
     */
    record InboundMessage(String id, String sender, String text, Location location, String media, Instant sentAt) {

        InboundMessage(String id, String sender, String text) {
            this(id, sender, text, null, null, null);
        }

        InboundMessage(String id, String sender, String text, Location location) {
            this(id, sender, text, location, null, null);
        }

        InboundMessage(String id, String sender, String text, Location location, String media) {
            this(id, sender, text, location, media, null);
        }
    }

    static WebhookPayload from(JsonNode root) {
        var messages = new ArrayList<InboundMessage>();
        var statuses = new ArrayList<Status>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                for (JsonNode message : value.path("messages")) {
                    String id = text(message.path("id"));
                    String sender = sender(message);
                    // Without an id it cannot be deduplicated, without a sender it cannot be answered: skip it.
                    if (!id.isEmpty() && !sender.isEmpty()) {
                        messages.add(new InboundMessage(id, sender, readableText(message), location(message),
                                media(message), sentAt(message)));
                    }
                }
                for (JsonNode status : value.path("statuses")) {
                    statuses.add(new Status(text(status.path("status")),
                            status.path("errors").path(0).path("code").asInt(0), sentAt(status)));
                }
            }
        }
        return new WebhookPayload(List.copyOf(messages), List.copyOf(statuses));
    }

    // `from` is the wa_id, the phone in digits without '+'. Meta's business-scoped user ids (`user_id`) take its
    // place for users who hide their number; they are no phone and are passed on as they are.
    private static String sender(JsonNode message) {
        String from = text(message.path("from"));
        if (!from.isEmpty()) {
            return from.startsWith("+") ? from : "+" + from;
        }
        return text(message.path("user_id"));
    }

    // "timestamp": "1733616000", a string of Unix seconds, on messages and statuses alike; anything else is no time
    // (the message or status is still read).
    private static Instant sentAt(JsonNode messageOrStatus) {
        String seconds = text(messageOrStatus.path("timestamp"));
        if (seconds.isEmpty() || seconds.length() > 12 || !seconds.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(seconds));
    }

    private static String readableText(JsonNode message) {
        return switch (text(message.path("type"))) {
            case "text" -> text(message.path("text").path("body"));
            case "interactive" -> interactive(message.path("interactive"));
            case "button" -> firstOf(message.path("button").path("text"), message.path("button").path("payload"));
            case "contacts" -> contact(message.path("contacts").path(0));
            default -> "";
        };
    }

    // {"latitude": -23.56, "longitude": -46.65, "name": "MASP", "address": "Av. Paulista, 1578 - ..."}: name and
    // address only where a place was picked, not for a dropped pin or "current location". Coordinates that are
    // missing, not numbers or out of range make no location (the message then reads as one without text): a
    // delivery is never refused for them, since Meta would retry it for days.
    private static Location location(JsonNode message) {
        if (!text(message.path("type")).equals("location")) {
            return null;
        }
        JsonNode location = message.path("location");
        Double latitude = coordinate(location.path("latitude"));
        Double longitude = coordinate(location.path("longitude"));
        if (latitude == null || longitude == null) {
            return null;
        }
        try {
            return new Location(latitude, longitude, text(location.path("name")), text(location.path("address")));
        } catch (IllegalArgumentException outOfRange) {
            return null;
        }
    }

    /**
     * Meta's message types that are media, by the kind the chat answers: a voice note comes as {@code audio} with
     * {@code voice: true}, an animated sticker as {@code sticker}. See
     * <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components#messages-object">the
     * messages object</a>.
     */
    private static String media(JsonNode message) {
        String type = text(message.path("type"));
        return MessageReceived.MEDIA.contains(type) ? type : null;
    }

    /** A number, or a number written as a string; null for anything else. */
    private static Double coordinate(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return node.isString() ? Double.valueOf(node.asString().strip()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /**
     * A shared contact card is most often the person's own number, sent to prove it or as the answer to "what is your
     * phone?": read as its first phone, as WhatsApp Web's channel reads a vCard, so that both channels pass on the
     * same text. {@code wa_id} is the number in digits, which the card's {@code phone} may write any way or lack; a
     * card without a phone gives its name. See
     * <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components#messages-object">the
     * contacts object</a>.
     */
    private static String contact(JsonNode contact) {
        for (JsonNode phone : contact.path("phones")) {
            String waId = text(phone.path("wa_id"));
            if (!waId.isEmpty() && waId.chars().allMatch(Character::isDigit)) {
                return "+" + waId;
            }
            String written = text(phone.path("phone")).strip();
            if (!written.isEmpty()) {
                return written;
            }
        }
        return text(contact.path("name").path("formatted_name"));
    }

    private static String interactive(JsonNode interactive) {
        JsonNode reply = interactive.has("button_reply")
                ? interactive.path("button_reply")
                : interactive.path("list_reply");
        return firstOf(reply.path("title"), reply.path("id"));
    }

    private static String firstOf(JsonNode preferred, JsonNode fallback) {
        String value = text(preferred);
        return value.isEmpty() ? text(fallback) : value;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }
}
