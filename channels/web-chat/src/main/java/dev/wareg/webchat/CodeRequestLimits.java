package dev.wareg.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many codes may be asked for, per number and per client address, within a sliding window. Per number, so
 * nobody is flooded with codes and a code cannot be guessed by asking for new ones; per client, so one client
 * cannot walk through many numbers.
 *
 * <p>Bounded: at most {@code maxTracked} numbers and clients are counted. When that is full and nothing has left the
 * window, requests are refused: forgetting a count instead would let an attacker reset a number's limit by asking
 * for codes for many other numbers.
 */
final class CodeRequestLimits {

    private final int perPhone;
    private final int perClient;
    private final Duration window;
    private final int maxTracked;
    private final Clock clock;

    // Each key's request times, oldest first; phones and clients in one map, by a prefix, to share the bound.
    private final Map<String, Deque<Instant>> requests = new HashMap<>();

    CodeRequestLimits(int perPhone, int perClient, Duration window, int maxTracked, Clock clock) {
        if (perPhone < 1 || perClient < 1 || maxTracked < 2 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the limits and the window must be positive");
        }
        this.perPhone = perPhone;
        this.perClient = perClient;
        this.window = window;
        this.maxTracked = maxTracked;
        this.clock = clock;
    }

    /**
     * Counts a request for a code to {@code phone} from {@code client}, unless either is over its limit.
     *
     * @return empty when the request may go ahead; otherwise how long until it would be allowed
     */
    synchronized Optional<Duration> acquire(String phone, String client) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        String phoneKey = "phone:" + phone;
        String clientKey = "client:" + client;
        Deque<Instant> byPhone = recent(phoneKey, windowStart);
        Deque<Instant> byClient = recent(clientKey, windowStart);

        Duration wait = Duration.ZERO;
        if (byPhone.size() >= perPhone) {
            wait = max(wait, Duration.between(now, byPhone.peekFirst().plus(window)));
        }
        if (byClient.size() >= perClient) {
            wait = max(wait, Duration.between(now, byClient.peekFirst().plus(window)));
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        int newKeys = (requests.containsKey(phoneKey) ? 0 : 1) + (requests.containsKey(clientKey) ? 0 : 1);
        if (requests.size() + newKeys > maxTracked) {
            requests.values().removeIf(times -> {
                dropBefore(times, windowStart);
                return times.isEmpty();
            });
            if (requests.size() + newKeys > maxTracked) {
                return Optional.of(window);
            }
        }
        byPhone.addLast(now);
        byClient.addLast(now);
        requests.put(phoneKey, byPhone);
        requests.put(clientKey, byClient);
        return Optional.empty();
    }

    synchronized void forget(String phone) {
        requests.remove("phone:" + phone);
    }

    synchronized int trackedCount() {
        return requests.size();
    }

    private Deque<Instant> recent(String key, Instant windowStart) {
        Deque<Instant> times = requests.get(key);
        if (times == null) {
            return new ArrayDeque<>();
        }
        dropBefore(times, windowStart);
        return times;
    }

    private static void dropBefore(Deque<Instant> times, Instant windowStart) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
