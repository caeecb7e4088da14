package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.ConversationStore;
import java.time.Clock;

class InMemoryConversationStoreTests extends ConversationStoreContract {

    @Override
    ConversationStore emptyStore(Clock clock, ChatProperties properties) {
        return new InMemoryConversationStore(clock, properties);
    }
}
