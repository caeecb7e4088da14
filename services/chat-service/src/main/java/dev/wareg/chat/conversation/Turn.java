package dev.wareg.chat.conversation;

import dev.wareg.contracts.IntegrationEvent;
import java.util.List;

/**
 * What one message does: the conversation's next state, the replies, and the events it publishes (the update it
 * confirms, a hand-off to a person).
 */
record Turn(Conversation next, List<Reply> replies, List<IntegrationEvent> events) {

    Turn {
        replies = List.copyOf(replies);
        events = List.copyOf(events);
    }

    static Turn of(Conversation next, Reply... replies) {
        return new Turn(next, List.of(replies), List.of());
    }

    static Turn of(Conversation next, List<Reply> replies) {
        return new Turn(next, replies, List.of());
    }
}
