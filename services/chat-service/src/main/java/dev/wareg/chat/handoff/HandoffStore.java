package dev.wareg.chat.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where the staff queue keeps its entries: in memory, Redis or PostgreSQL, as the conversations are kept
 * ({@code wareg.chat.conversation-store}). Every adapter passes {@code HandoffStoreContract}. Time is the caller's:
 * a store never reads a clock, so what counts as too old is decided in one place ({@link StaffQueue}).
 */
interface HandoffStore {

    /** What {@link #add} did. */
    enum Added {
        /** The entry waits now. */
        ADDED,
        /** An entry with this id is known, waiting or claimed: the same request again. */
        DUPLICATE,
        /** The person already waits under another entry, which keeps its place and time. */
        ALREADY_WAITING
    }

    /** What {@link #claim} found. */
    sealed interface Claim {
        record Claimed(Handoff handoff) implements Claim {
        }

        record AlreadyClaimed(Handoff handoff) implements Claim {
        }

        record Unknown() implements Claim {
        }
    }

    /** Adds a waiting entry unless its id is known or its person already waits (same channel and id). */
    Added add(Handoff waiting);

    /** The waiting entries, oldest first. */
    List<Handoff> waiting();

    /** Takes a waiting entry out of the waiting list, as claimed at {@code at} by {@code by}. */
    Claim claim(UUID id, Instant at, String by);

    /**
     * Deletes every entry requested at or before {@code cutoff}, claimed or not.
     *
     * @return how many of them were still waiting
     */
    int dropRequestedUpTo(Instant cutoff);

    /**
     * Deletes every entry, waiting or claimed, of a person known on any channel by one of {@code conversationIds}.
     *
     * @return how many entries were deleted
     */
    int erase(Set<String> conversationIds);
}
