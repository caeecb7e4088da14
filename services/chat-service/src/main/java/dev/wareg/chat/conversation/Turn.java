package dev.wareg.chat.conversation;

import dev.wareg.contracts.RegistrationUpdateRequested;
import java.util.List;
import java.util.Optional;

/** What one message does: the conversation's next state, the replies, and the update it confirms, if any. */
record Turn(Conversation next, List<Reply> replies, Optional<RegistrationUpdateRequested> request) {

    Turn {
        replies = List.copyOf(replies);
    }

    static Turn of(Conversation next, Reply... replies) {
        return new Turn(next, List.of(replies), Optional.empty());
    }
}
