package dev.wareg.platform.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events a subscriber gave up on, kept so that an operator can see why and deliver them again once the cause is
 * fixed. Every {@link EventBus} adapter offers them.
 */
public interface DeadLetters {

    /** The oldest dead letters of {@code subscriber} first, at most {@code limit}. */
    List<DeadLetter> list(String subscriber, int limit);

    /**
     * Delivers the dead letter to its subscriber again, with its attempts counted afresh.
     *
     * @return false when {@code subscriber} has no dead letter with that event id
     */
    boolean redrive(String subscriber, UUID eventId);

    /**
     * @param reason why the last attempt failed: an exception's class and a message that holds no event content
     */
    record DeadLetter(String subscriber, UUID eventId, String type, int attempts, String reason, Instant deadAt) {
    }
}
