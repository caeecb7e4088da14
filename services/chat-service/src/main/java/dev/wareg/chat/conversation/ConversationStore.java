package dev.wareg.chat.conversation;

import java.util.Optional;

/**
 * Where conversations wait between messages. Entries expire after the configured time to live, taking any
 * collected values with them.
 */
public interface ConversationStore {

    Optional<Conversation> find(String channel, String sender);

    void save(Conversation conversation);

    void delete(String channel, String sender);
}
