package dev.wareg.chat.conversation;

import dev.wareg.contracts.SendMessage.Button;
import java.util.List;

/** One message the bot sends back, with the quick replies offered beside it. */
record Reply(String text, List<Button> buttons) {

    Reply {
        buttons = List.copyOf(buttons);
    }

    static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
