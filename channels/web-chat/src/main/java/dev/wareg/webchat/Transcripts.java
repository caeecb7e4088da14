package dev.wareg.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each person and the bot said on the web chat, in memory and bounded in every dimension: at most
 * {@code maxConversations} transcripts (the least recently active one goes first), at most
 * {@code maxMessagesPerConversation} messages each (the oldest go first), and a transcript with no new message
 * for {@code idleTimeout} is forgotten. Reading does not count as activity: a page left open polling must not
 * keep a conversation alive forever.
 *
 * <p>One lock guards everything; the web chat is a demo channel, and every operation is a few map and deque steps.
 */
final class Transcripts {

    private final int maxConversations;
    private final int maxMessagesPerConversation;
    private final Duration idleTimeout;
    private final Clock clock;

    // Least recently active first: a conversation moves to the end with each new message.
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();

    Transcripts(int maxConversations, int maxMessagesPerConversation, Duration idleTimeout, Clock clock) {
        if (maxConversations < 1 || maxMessagesPerConversation < 1) {
            throw new IllegalArgumentException("the limits must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
        this.maxConversations = maxConversations;
        this.maxMessagesPerConversation = maxMessagesPerConversation;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /**
     * Adds a message to the end of the participant's transcript, unless a message with the same id is already
     * there (the bus delivers at least once).
     *
     * @return whether it was added
     */
    synchronized boolean append(String participant, TranscriptMessage message) {
        Instant now = clock.instant();
        forgetIdle(now);
        Conversation conversation = conversations.get(participant);
        if (conversation != null && conversation.contains(message.id())) {
            return false;
        }
        if (conversation == null) {
            conversation = new Conversation();
        }
        conversations.putLast(participant, conversation); // moves a known conversation to the end
        conversation.lastActivity = now;
        if (conversations.size() > maxConversations) {
            conversations.pollFirstEntry();
        }
        conversation.messages.addLast(message);
        if (conversation.messages.size() > maxMessagesPerConversation) {
            conversation.messages.removeFirst();
        }
        return true;
    }

    /**
     * The participant's transcript in the order the messages were added; empty for an unknown or forgotten one.
     *
     * @param after when present and still in the transcript, only the messages added after it are returned; when it
     *              is no longer there (dropped by the bounds) the whole transcript is, and the caller skips what it has
     */
    synchronized List<TranscriptMessage> messages(String participant, Optional<UUID> after) {
        forgetIdle(clock.instant());
        Conversation conversation = conversations.get(participant);
        if (conversation == null) {
            return List.of();
        }
        var messages = new ArrayList<>(conversation.messages);
        if (after.isPresent()) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).id().equals(after.get())) {
                    return List.copyOf(messages.subList(i + 1, messages.size()));
                }
            }
        }
        return List.copyOf(messages);
    }

    /** Drops the participant's transcript, e.g. when their account is erased. */
    synchronized void forget(String participant) {
        conversations.remove(participant);
    }

    synchronized int conversationCount() {
        forgetIdle(clock.instant());
        return conversations.size();
    }

    private void forgetIdle(Instant now) {
        Instant idleSince = now.minus(idleTimeout);
        Iterator<Map.Entry<String, Conversation>> leastRecentlyActiveFirst = conversations.entrySet().iterator();
        while (leastRecentlyActiveFirst.hasNext()) {
            if (leastRecentlyActiveFirst.next().getValue().lastActivity.isAfter(idleSince)) {
                return;
            }
            leastRecentlyActiveFirst.remove();
        }
    }

    private static final class Conversation {

        private final Deque<TranscriptMessage> messages = new ArrayDeque<>();
        private Instant lastActivity;

        boolean contains(UUID id) {
            return messages.stream().anyMatch(message -> message.id().equals(id));
        }
    }
}
