package dev.wareg.chat.state;

import dev.wareg.chat.conversation.CodeSends;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Codes sent per number in this JVM's memory, with the conversations there ({@code conversation-store=memory}): what
 * one instance sent only. Every {@value #SWEEP_EVERY} counts, numbers with no send in the window are forgotten, so
 * memory follows the numbers written to recently. Public for the conversation's tests, which run the chat on it.
 */
public class InMemoryCodeSends implements CodeSends {

    static final int SWEEP_EVERY = 256;

    /** Per key, the times of its sends in the window, oldest first. */
    private final Map<String, Deque<Instant>> sends = new HashMap<>();
    private int countsSinceSweep;

    @Override
    public synchronized boolean tryCount(String key, Instant at, Duration window, int limit) {
        Instant since = at.minus(window);
        if (++countsSinceSweep >= SWEEP_EVERY) {
            countsSinceSweep = 0;
            sends.values().removeIf(times -> times.isEmpty() || !times.getLast().isAfter(since));
        }
        Deque<Instant> times = sends.computeIfAbsent(key, unused -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.getFirst().isAfter(since)) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(at);
        return true;
    }

    /** How many numbers are remembered, for the tests of the sweep. */
    synchronized int numbers() {
        return sends.size();
    }
}
