package dev.wareg.cloudapi.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps sends within what Meta accepts, so they are paced here instead of refused there: the business number's
 * throughput (130429 beyond it) and each person's share (131056 beyond it). Each limit is a generic cell rate
 * algorithm: a send is due one interval after the previous one, and may go early by up to the burst.
 * <p>
 * A send <em>reserves</em> its slots and is told how long to wait for them, so concurrent senders queue fairly
 * instead of polling. Shared by every lane of this process; each instance of the channel paces itself, so a deployment of
 * several instances divides the business number's rate among them (see {@code docs/configuration.md}).
 */
final class SendRateLimiter {

    // Beyond this many people tracked, those whose slot is already free again are forgotten: they are as new.
    private static final int TRACKED_RECIPIENTS = 10_000;

    private final Cell business;
    private final long recipientInterval;
    private final long recipientBurst;
    private final Map<String, Cell> recipients = new HashMap<>();
    private final Clock clock;

    SendRateLimiter(int messagesPerSecond, int recipientBurst, Duration recipientInterval, Clock clock) {
        long interval = Duration.ofSeconds(1).toNanos() / messagesPerSecond;
        // A second's worth at once: the rate is per second, so a burst within one second stays within it.
        this.business = new Cell(interval, interval * (messagesPerSecond - 1L));
        this.recipientInterval = recipientInterval.toNanos();
        this.recipientBurst = recipientInterval.toNanos() * (recipientBurst - 1L);
        this.clock = clock;
    }

    /**
     * Takes the next slot for a send to {@code recipient}; returns how long to wait for it (maybe zero). Then the
     * send takes a slot of the business number with {@link #reserve()}, once it has waited: a person's long wait
     * must not hold a slot that others could use meanwhile.
     */
    synchronized Duration reserve(String recipient) {
        long now = nanos(clock.instant());
        if (recipients.size() >= TRACKED_RECIPIENTS) {
            recipients.values().removeIf(cell -> cell.isFreeAt(now));
        }
        return recipients.computeIfAbsent(recipient, key -> new Cell(recipientInterval, recipientBurst)).take(now);
    }

    /** Takes the business number's next slot; returns how long to wait for it (maybe zero). */
    synchronized Duration reserve() {
        return business.take(nanos(clock.instant()));
    }

    /** Meta said the number is over its rate: no send goes before {@code pause} from now. */
    synchronized void holdAll(Duration pause) {
        business.holdUntil(nanos(clock.instant()) + pause.toNanos());
    }

    /** Meta said this person got too many messages: none goes to them before {@code pause} from now. */
    synchronized void hold(String recipient, Duration pause) {
        long now = nanos(clock.instant());
        recipients.computeIfAbsent(recipient, key -> new Cell(recipientInterval, recipientBurst))
                .holdUntil(now + pause.toNanos());
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** One limit: {@code due} is when the next send is due if none went early (the theoretical arrival time). */
    private static final class Cell {

        private final long interval;
        private final long burst;
        private long due;
        private long heldUntil;

        Cell(long interval, long burst) {
            this.interval = interval;
            this.burst = burst;
        }

        /** Takes the next slot: it is {@code now} plus the wait returned. */
        Duration take(long now) {
            long wait = Math.max(0, Math.max(due - burst, heldUntil) - now);
            due = Math.max(due, now + wait) + interval;
            return Duration.ofNanos(wait);
        }

        boolean isFreeAt(long now) {
            return due <= now && heldUntil <= now;
        }

        void holdUntil(long until) {
            heldUntil = Math.max(heldUntil, until);
        }
    }
}
