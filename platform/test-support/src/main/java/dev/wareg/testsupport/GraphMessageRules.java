package dev.wareg.testsupport;

import dev.wareg.testsupport.FakeGraphApi.GraphError;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What Meta's Cloud API checks in the body of {@code POST /{version}/{phone-number-id}/messages} before it accepts a
 * message or a read receipt (<a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages">
 * messages reference</a>,
 * <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-reply-buttons-messages">
 * reply buttons</a>,
 * <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/messages/interactive-list-messages">lists</a>).
 * A field that is absent or null is "(#100) The parameter X is required."; a field that is there but breaks a rule
 * (a length, a count, a duplicate) is "(#131009) Parameter value is not valid" with the rule in
 * {@code error_data.details}. Lengths are in characters, counted as code points, so an emoji is one.
 *
 * <p>Text, interactive button and list messages, templates and read receipts are checked in full, since that is
 * what this project sends. Media, location, contacts, reactions, stickers and the other interactive kinds are only
 * checked for the object their type names: the fake must not refuse what Meta accepts.
 */
final class GraphMessageRules {

    // Digits in international form, country code first (which never starts with 0), as Meta's `wa_id`.
    private static final Pattern PHONE = Pattern.compile("\\+?[1-9]\\d{6,14}");
    // A business-scoped user id: the user's country, a dot, then letters and digits (BR.13491208655302741918).
    private static final Pattern BUSINESS_SCOPED_USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9]+");
    private static final Set<String> MEDIA_AND_OTHER_TYPES = Set.of("audio", "contacts", "document", "image",
            "location", "reaction", "sticker", "video");
    private static final Set<String> OTHER_INTERACTIVE_TYPES = Set.of("address_message", "call_permission_request",
            "carousel", "catalog_message", "cta_url", "flow", "location_request_message", "product",
            "product_list", "voice_call");
    private static final int FOOTER_MAX = 60;
    private static final int HEADER_TEXT_MAX = 60;

    /** A request Meta refuses, with the error it answers. */
    private static final class Refused extends RuntimeException {
        private final GraphError error;

        private Refused(GraphError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private GraphMessageRules() {
    }

    /** The error Meta answers this body with, or null when it would accept it. */
    static GraphError refusal(JsonNode body) {
        try {
            check(body);
            return null;
        } catch (Refused refused) {
            return refused.error;
        }
    }

    /** Whether the body asks to mark a message read, rather than to send one. */
    static boolean isReadReceipt(JsonNode body) {
        return body.isObject() && body.has("status");
    }

    private static void check(JsonNode body) {
        if (!body.isObject()) {
            throw missing("messaging_product");
        }
        String product = string(body, "messaging_product", "messaging_product");
        if (!product.equals("whatsapp")) {
            throw notOneOf("messaging_product", "{WHATSAPP}", product);
        }
        if (isReadReceipt(body)) {
            readReceipt(body);
            return;
        }
        JsonNode recipientType = body.get("recipient_type");
        if (present(recipientType) && !"individual".equals(recipientType.asString())) {
            throw notOneOf("recipient_type", "{INDIVIDUAL}", recipientType.asString());
        }
        recipient(body);
        // Meta sends text when the type is left out.
        String type = present(body.get("type")) ? string(body, "type", "type") : "text";
        switch (type) {
            case "text" -> text(body);
            case "interactive" -> interactive(body);
            case "template" -> template(body);
            default -> {
                if (!MEDIA_AND_OTHER_TYPES.contains(type)) {
                    throw notOneOf("type", "{AUDIO, CONTACTS, DOCUMENT, IMAGE, INTERACTIVE, LOCATION, REACTION,"
                            + " STICKER, TEMPLATE, TEXT, VIDEO}", type);
                }
                required(body, type, type);
            }
        }
    }

    private static void readReceipt(JsonNode body) {
        String status = string(body, "status", "status");
        if (!status.equals("read")) {
            throw notOneOf("status", "{READ}", status);
        }
        string(body, "message_id", "message_id");
        JsonNode typing = body.get("typing_indicator");
        if (present(typing) && !"text".equals(string(typing, "type", "typing_indicator['type']"))) {
            throw notOneOf("typing_indicator['type']", "{TEXT}", typing.path("type").asString());
        }
    }

    private static void recipient(JsonNode body) {
        boolean to = present(body.get("to"));
        boolean recipient = present(body.get("recipient"));
        if (!to && !recipient) {
            throw missing("to");
        }
        if (to && recipient) {
            throw invalid("Only one of to and recipient may be given");
        }
        if (to && !PHONE.matcher(string(body, "to", "to")).matches()) {
            throw invalid("Recipient phone number is not valid");
        }
        if (recipient && !BUSINESS_SCOPED_USER_ID.matcher(string(body, "recipient", "recipient")).matches()) {
            throw invalid("Recipient business-scoped user id is not valid");
        }
    }

    private static void text(JsonNode body) {
        JsonNode text = required(body, "text", "text");
        string(text, "body", "text['body']", 1, 4096, "Text body");
        JsonNode preview = text.get("preview_url");
        if (present(preview) && !preview.isBoolean()) {
            throw badParameter("(#100) Param text['preview_url'] must be a boolean.");
        }
    }

    private static void interactive(JsonNode body) {
        JsonNode interactive = required(body, "interactive", "interactive");
        String type = string(interactive, "type", "interactive['type']");
        switch (type) {
            case "button" -> buttons(interactive);
            case "list" -> list(interactive);
            default -> {
                if (!OTHER_INTERACTIVE_TYPES.contains(type)) {
                    throw notOneOf("interactive['type']", "{BUTTON, LIST, CTA_URL, FLOW, PRODUCT, PRODUCT_LIST,"
                            + " CATALOG_MESSAGE, LOCATION_REQUEST_MESSAGE, ADDRESS_MESSAGE, CAROUSEL,"
                            + " CALL_PERMISSION_REQUEST, VOICE_CALL}", type);
                }
                required(interactive, "action", "interactive['action']");
            }
        }
    }

    private static void buttons(JsonNode interactive) {
        header(interactive, false);
        JsonNode body = required(interactive, "body", "interactive['body']");
        string(body, "text", "interactive['body']['text']", 1, 1024, "Body text");
        footer(interactive);
        JsonNode action = required(interactive, "action", "interactive['action']");
        JsonNode buttons = array(action, "buttons", "interactive['action']['buttons']");
        if (buttons.isEmpty() || buttons.size() > 3) {
            throw invalid("Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3");
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String path = "interactive['action']['buttons'][" + i + "]";
            JsonNode button = buttons.get(i);
            if (!"reply".equals(string(button, "type", path + "['type']"))) {
                throw invalid("Button type invalid. Allowed types: reply");
            }
            JsonNode reply = required(button, "reply", path + "['reply']");
            if (!ids.add(string(reply, "id", path + "['reply']['id']", 1, 256, "Button id"))) {
                throw invalid("Button id is not unique");
            }
            if (!titles.add(string(reply, "title", path + "['reply']['title']", 1, 20, "Button title"))) {
                throw invalid("Button title is not unique");
            }
        }
    }

    private static void list(JsonNode interactive) {
        header(interactive, true);
        JsonNode body = required(interactive, "body", "interactive['body']");
        string(body, "text", "interactive['body']['text']", 1, 4096, "Body text");
        footer(interactive);
        JsonNode action = required(interactive, "action", "interactive['action']");
        string(action, "button", "interactive['action']['button']", 1, 20, "Action button");
        JsonNode sections = array(action, "sections", "interactive['action']['sections']");
        if (sections.isEmpty() || sections.size() > 10) {
            throw invalid("Invalid sections count. Min allowed sections: 1, Max allowed sections: 10");
        }
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            String path = "interactive['action']['sections'][" + i + "]";
            JsonNode section = sections.get(i);
            if (!section.isObject()) {
                throw invalid("Section is not an object");
            }
            if (present(section.get("title"))) {
                string(section, "title", path + "['title']", 1, 24, "Section title");
            } else if (sections.size() > 1) {
                throw invalid("Section title is required when there is more than one section");
            }
            JsonNode sectionRows = array(section, "rows", path + "['rows']");
            rows += sectionRows.size();
            if (rows > 10) {
                throw invalid("Invalid rows count. Min allowed rows: 1, Max allowed rows: 10");
            }
            for (int j = 0; j < sectionRows.size(); j++) {
                String rowPath = path + "['rows'][" + j + "]";
                JsonNode row = sectionRows.get(j);
                // Row ids are unique across the whole list: the reply names only the row.
                if (!ids.add(string(row, "id", rowPath + "['id']", 1, 200, "Row id"))) {
                    throw invalid("Row id is not unique");
                }
                string(row, "title", rowPath + "['title']", 1, 24, "Row title");
                if (present(row.get("description"))) {
                    string(row, "description", rowPath + "['description']", 0, 72, "Row description");
                }
            }
        }
        if (rows == 0) {
            throw invalid("Invalid rows count. Min allowed rows: 1, Max allowed rows: 10");
        }
    }

    private static void header(JsonNode interactive, boolean textOnly) {
        JsonNode header = interactive.get("header");
        if (!present(header)) {
            return;
        }
        String type = string(header, "type", "interactive['header']['type']");
        if (type.equals("text")) {
            string(header, "text", "interactive['header']['text']", 1, HEADER_TEXT_MAX, "Header text");
        } else if (textOnly || !Set.of("image", "video", "document").contains(type)) {
            throw invalid("Header type invalid. Allowed types: "
                    + (textOnly ? "text" : "text, image, video, document"));
        } else {
            required(header, type, "interactive['header']['" + type + "']");
        }
    }

    private static void footer(JsonNode interactive) {
        JsonNode footer = interactive.get("footer");
        if (present(footer)) {
            string(footer, "text", "interactive['footer']['text']", 1, FOOTER_MAX, "Footer text");
        }
    }

    private static void template(JsonNode body) {
        JsonNode template = required(body, "template", "template");
        string(template, "name", "template['name']", 1, 512, "Template name");
        JsonNode language = required(template, "language", "template['language']");
        string(language, "code", "template['language']['code']", 1, 15, "Template language code");
        JsonNode components = template.get("components");
        if (present(components) && !components.isArray()) {
            throw notAnArray("template['components']");
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static JsonNode required(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (!present(node)) {
            throw missing(path);
        }
        return node;
    }

    private static String string(JsonNode parent, String name, String path) {
        JsonNode node = required(parent, name, path);
        if (!node.isString()) {
            throw badParameter("(#100) Param " + path + " must be a string.");
        }
        return node.asString();
    }

    private static String string(JsonNode parent, String name, String path, int min, int max, String what) {
        String value = string(parent, name, path);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw invalid(what + " length invalid. " + (min > 0 ? "Min length: " + min + ", " : "")
                    + "Max length: " + max);
        }
        return value;
    }

    private static JsonNode array(JsonNode parent, String name, String path) {
        JsonNode node = required(parent, name, path);
        if (!node.isArray()) {
            throw notAnArray(path);
        }
        return node;
    }

    private static Refused missing(String path) {
        return new Refused(GraphError.missingParameter(path));
    }

    private static Refused invalid(String details) {
        return new Refused(GraphError.invalidParameter(details));
    }

    private static Refused notAnArray(String path) {
        return badParameter("(#100) Param " + path + " must be an array.");
    }

    private static Refused notOneOf(String path, String allowed, String got) {
        return badParameter("(#100) Param " + path + " must be one of " + allowed + " - got \"" + got + "\".");
    }

    private static Refused badParameter(String message) {
        return new Refused(GraphError.badParameter(message));
    }
}
