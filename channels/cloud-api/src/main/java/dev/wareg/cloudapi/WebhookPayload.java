package dev.wareg.cloudapi;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Meta webhook delivery the bot needs
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/payload-examples): every message of every
 * change of every entry, and the statuses of sent messages. Read as a tree and tolerant: unknown fields and
 * unknown message types are not errors, since Meta adds both without notice.
 */
record WebhookPayload(List<InboundMessage> messages, List<String> statuses) {

    /**
     * @param id     the WhatsApp message id ({@code wamid...})
     * @param sender E.164 phone, or the business-scoped user id where Meta gives no phone
     * @param text   what the bot reads; empty for what it cannot read (media, reactions, unsupported types)
     */
    record InboundMessage(String id, String sender, String text) {
    }

    static WebhookPayload from(JsonNode root) {
        var messages = new ArrayList<InboundMessage>();
        var statuses = new ArrayList<String>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                for (JsonNode message : value.path("messages")) {
                    String id = text(message.path("id"));
                    String sender = sender(message);
                    // Without an id it cannot be deduplicated, without a sender it cannot be answered: skip it.
                    if (!id.isEmpty() && !sender.isEmpty()) {
                        messages.add(new InboundMessage(id, sender, readableText(message)));
                    }
                }
                for (JsonNode status : value.path("statuses")) {
                    statuses.add(text(status.path("status")));
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

    private static String readableText(JsonNode message) {
        return switch (text(message.path("type"))) {
            case "text" -> text(message.path("text").path("body"));
            case "interactive" -> interactive(message.path("interactive"));
            case "button" -> firstOf(message.path("button").path("text"), message.path("button").path("payload"));
            // Turning a place into words the chat understands is not built yet; this marks that one was sent.
            case "location" -> "[location]";
            default -> "";
        };
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
