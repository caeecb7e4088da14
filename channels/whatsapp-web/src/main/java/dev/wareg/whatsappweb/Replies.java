package dev.wareg.whatsappweb;

import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a reply is sent as. WhatsApp Web has no interactive buttons (Baileys can send them, but WhatsApp stopped
 * showing them to accounts that are not Business API ones), so a reply's options become numbered lines after a
 * blank line ({@code 1. Sim}), which the chat reads back as a tap: "1", "opção 1" or the title itself. The chat
 * writes its options only as buttons, never into the text; a text that already ends with exactly these numbered
 * options (a reply written for a channel without buttons) is sent as it is rather than numbered twice.
 */
final class Replies {

    private Replies() {
    }

    static String render(SendMessage message) {
        List<Button> options = message.buttons();
        String text = message.text();
        if (options.isEmpty()) {
            return text;
        }
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            numbered.add((i + 1) + ". " + options.get(i).title());
        }
        String block = String.join("\n", numbered);
        if (text.stripTrailing().endsWith(block)) {
            return text;
        }
        return text.isBlank() ? block : text + "\n\n" + block;
    }
}
