package dev.wareg.chat.conversation;

import java.util.Optional;

/**
 * Where conversations wait between messages. Entries expire after the configured time to live, taking any
 * collected values with them. Saving is optimistic: two messages of one sender handled at once cannot both
 * write their outcome over the same earlier state.
 */
public interface ConversationStore {

    Optional<Conversation> find(String channel, String sender);

    /**
     * Stores the conversation as {@link Conversation#saved()} if what is stored is still at
     * {@code conversation.revision()}, or nothing is stored (never saved, deleted or expired).
     *
     * @return the conversation as stored, or empty if another save came first
     */
    Optional<Conversation> save(Conversation conversation);

    void delete(String channel, String sender);
}
