package dev.wareg.chat.handoff;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The staff queue in this JVM's memory, with the conversations there ({@code conversation-store=memory}). */
class InMemoryHandoffStore implements HandoffStore {

    private final Map<UUID, Handoff> entries = new HashMap<>();

    @Override
    public synchronized Added add(Handoff waiting) {
        if (entries.containsKey(waiting.id())) {
            return Added.DUPLICATE;
        }
        boolean alreadyWaiting = entries.values().stream().anyMatch(entry -> entry.isWaiting()
                && entry.channel().equals(waiting.channel())
                && entry.conversationId().equals(waiting.conversationId()));
        if (alreadyWaiting) {
            return Added.ALREADY_WAITING;
        }
        entries.put(waiting.id(), waiting);
        return Added.ADDED;
    }

    @Override
    public synchronized List<Handoff> waiting() {
        return entries.values().stream().filter(Handoff::isWaiting)
                .sorted(Comparator.comparing(Handoff::requestedAt).thenComparing(Handoff::id))
                .toList();
    }

    @Override
    public synchronized Claim claim(UUID id, Instant at, String by) {
        Handoff entry = entries.get(id);
        if (entry == null) {
            return new Claim.Unknown();
        }
        if (!entry.isWaiting()) {
            return new Claim.AlreadyClaimed(entry);
        }
        Handoff claimed = entry.claimed(at, by);
        entries.put(id, claimed);
        return new Claim.Claimed(claimed);
    }

    @Override
    public synchronized int dropRequestedUpTo(Instant cutoff) {
        List<Handoff> old = entries.values().stream().filter(entry -> !entry.requestedAt().isAfter(cutoff)).toList();
        old.forEach(entry -> entries.remove(entry.id()));
        return (int) old.stream().filter(Handoff::isWaiting).count();
    }

    @Override
    public synchronized int erase(Set<String> conversationIds) {
        List<Handoff> theirs = entries.values().stream()
                .filter(entry -> conversationIds.contains(entry.conversationId())).toList();
        theirs.forEach(entry -> entries.remove(entry.id()));
        return theirs.size();
    }
}
