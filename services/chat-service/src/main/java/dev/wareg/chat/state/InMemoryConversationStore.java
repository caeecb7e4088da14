package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Conversations in this JVM's memory, for the embedded default and tests (the default store,
 * {@code wareg.chat.conversation-store=memory}). An expired conversation is never returned, and expired entries
 * are swept every {@value #SWEEP_EVERY} saves so memory follows the active ones.
 */
@Component
@ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "memory", matchIfMissing = true)
public class InMemoryConversationStore implements ConversationStore {

    private static final int SWEEP_EVERY = 256;

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private final Clock clock;
    private final Duration ttl;

    public InMemoryConversationStore(Clock clock, ChatProperties properties) {
        this.clock = clock;
        this.ttl = properties.conversationTtl();
    }

    @Override
    public Optional<Conversation> find(String channel, String sender) {
        String key = key(channel, sender);
        Conversation conversation = conversations.get(key);
        if (conversation != null && expired(conversation)) {
            conversations.remove(key, conversation);
            return Optional.empty();
        }
        return Optional.ofNullable(conversation);
    }

    @Override
    public Optional<Conversation> save(Conversation conversation) {
        Conversation saved = conversation.saved();
        Conversation result = conversations.compute(key(conversation.channel(), conversation.sender()),
                (key, stored) -> stored == null || expired(stored) || stored.revision() == conversation.revision()
                        ? saved : stored);
        if (saves.incrementAndGet() % SWEEP_EVERY == 0) {
            conversations.values().removeIf(this::expired);
        }
        return result == saved ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public void delete(String channel, String sender) {
        conversations.remove(key(channel, sender));
    }

    private boolean expired(Conversation conversation) {
        return !conversation.updatedAt().plus(ttl).isAfter(clock.instant());
    }

    private static String key(String channel, String sender) {
        return channel + '\n' + sender;
    }
}
