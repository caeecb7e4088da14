package dev.wareg.cloudapi.outbound;

import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The bodies of {@code POST /{version}/{phone-number-id}/messages}
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages). A reply's options become reply
 * buttons where Meta's limits allow (at most 3, titles of at most 20 characters), else a list (at most 10 rows,
 * titles of at most 24), else numbered lines in the text, which the chat reads back as well as a tap.
 */
final class GraphMessages {

    static final int MAX_BUTTONS = 3;
    static final int MAX_BUTTON_TITLE = 20;
    static final int MAX_BUTTON_ID = 256;
    static final int MAX_BUTTONS_BODY = 1024;
    static final int MAX_ROWS = 10;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_ID = 200;
    static final int MAX_TEXT = 4096;

    // A business-scoped user id: the country, a period, then letters and digits (e.g. BR.13491208655302741918).
    private static final Pattern BUSINESS_SCOPED_ID = Pattern.compile("[A-Z]{2}\\..+");

    /** How a reply is shown. */
    enum Shape { TEXT, BUTTONS, LIST, NUMBERED, TEMPLATE }

    record Rendered(Shape shape, Map<String, Object> body) {
    }

    private GraphMessages() {
    }

    static Rendered render(SendMessage message) {
        List<Button> options = message.buttons();
        String text = message.text();
        if (options.isEmpty()) {
            return new Rendered(Shape.TEXT, text(message.recipient(), text));
        }
        if (fitButtons(text, options)) {
            return new Rendered(Shape.BUTTONS, interactive(message.recipient(), buttons(text, options)));
        }
        if (fitList(text, options)) {
            return new Rendered(Shape.LIST, interactive(message.recipient(), list(text, options, message.language())));
        }
        return new Rendered(Shape.NUMBERED, text(message.recipient(), numbered(text, options)));
    }

    /** A template message, the only kind Meta delivers outside the 24-hour window. */
    static Rendered template(String recipient, String name, String language) {
        Map<String, Object> body = addressedTo(recipient);
        body.put("type", "template");
        body.put("template", Map.of("name", name, "language", Map.of("code", templateLanguage(language))));
        return new Rendered(Shape.TEMPLATE, body);
    }

    /** Marks a received message (and the ones before it) as read: the person sees the blue ticks. */
    static Map<String, Object> read(String messageId) {
        return Map.of("messaging_product", "whatsapp", "status", "read", "message_id", messageId);
    }

    private static boolean fitButtons(String text, List<Button> options) {
        return options.size() <= MAX_BUTTONS && length(text) >= 1 && length(text) <= MAX_BUTTONS_BODY
                && options.stream().allMatch(option -> fits(option.title(), MAX_BUTTON_TITLE)
                        && fits(option.id(), MAX_BUTTON_ID))
                && distinct(options);
    }

    private static boolean fitList(String text, List<Button> options) {
        return options.size() <= MAX_ROWS && length(text) >= 1 && length(text) <= MAX_TEXT
                && options.stream().allMatch(option -> fits(option.title(), MAX_ROW_TITLE)
                        && fits(option.id(), MAX_ROW_ID))
                && distinct(options);
    }

    // Meta refuses repeated ids and repeated titles alike.
    private static boolean distinct(List<Button> options) {
        return options.stream().map(Button::id).distinct().count() == options.size()
                && options.stream().map(Button::title).distinct().count() == options.size();
    }

    private static Map<String, Object> buttons(String text, List<Button> options) {
        var buttons = options.stream()
                .map(option -> Map.of("type", "reply", "reply", Map.of("id", option.id(), "title", option.title())))
                .toList();
        return Map.of("type", "button", "body", Map.of("text", text), "action", Map.of("buttons", buttons));
    }

    private static Map<String, Object> list(String text, List<Button> options, String language) {
        var rows = options.stream().map(option -> Map.of("id", option.id(), "title", option.title())).toList();
        return Map.of("type", "list", "body", Map.of("text", text),
                "action", Map.of("button", menuLabel(language), "sections", List.of(Map.of("rows", rows))));
    }

    static String numbered(String text, List<Button> options) {
        var lines = new ArrayList<String>();
        lines.add(text);
        lines.add("");
        for (int i = 0; i < options.size(); i++) {
            lines.add((i + 1) + ". " + options.get(i).title());
        }
        return String.join("\n", lines);
    }

    private static Map<String, Object> text(String recipient, String text) {
        Map<String, Object> body = addressedTo(recipient);
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", text));
        return body;
    }

    private static Map<String, Object> interactive(String recipient, Map<String, Object> interactive) {
        Map<String, Object> body = addressedTo(recipient);
        body.put("type", "interactive");
        body.put("interactive", interactive);
        return body;
    }

    /**
     * The webhook gives a phone as E.164 ({@code +5511...}); Meta wants its digits in {@code to}. A person who hides
     * their number is known by a business-scoped user id, which goes in {@code recipient} instead.
     */
    private static Map<String, Object> addressedTo(String recipient) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        if (BUSINESS_SCOPED_ID.matcher(recipient).matches()) {
            body.put("recipient", recipient);
        } else {
            body.put("to", recipient.startsWith("+") ? recipient.substring(1) : recipient);
        }
        return body;
    }

    // The button that opens a list, in the reply's language; the bot's default language is Portuguese.
    private static String menuLabel(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? "Options" : "Opções";
    }

    // Templates are approved per language under codes such as pt_BR and en_US.
    private static String templateLanguage(String language) {
        if (language == null || language.isBlank()) {
            return "pt_BR";
        }
        Locale locale = Locale.forLanguageTag(language);
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    private static boolean fits(String value, int max) {
        int length = length(value);
        return length >= 1 && length <= max;
    }

    // Meta counts characters as people see them: an emoji outside the BMP is one, not two UTF-16 units.
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
