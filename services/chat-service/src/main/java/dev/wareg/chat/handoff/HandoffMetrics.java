package dev.wareg.chat.handoff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The staff queue as Prometheus sees it: {@code wareg_handoffs_waiting}, {@code wareg_handoffs_oldest_wait_seconds},
 * and the counters {@code wareg_handoffs_requested_total}, {@code _claimed_total}, {@code _expired_total}.
 * <p>
 * Registered in every chat-service, at zero where the deployment is not staffed (no queue, so no one waits), so the
 * alert on the oldest wait always has a series to read. The gauges show the queue as the last refresh found it
 * ({@link StaffQueue#refresh()}: every 15 seconds and after each change this instance makes), not a query per scrape;
 * the oldest wait is counted up to the scrape from the oldest request's time.
 */
@Component
class HandoffMetrics {

    private final Clock clock;
    private final Counter requested;
    private final Counter claimed;
    private final Counter expired;
    private volatile int waiting;
    private volatile Instant oldest;

    HandoffMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("wareg.handoffs.waiting", this, metrics -> metrics.waiting)
                .description("People waiting in the staff queue").register(registry);
        Gauge.builder("wareg.handoffs.oldest.wait", this, HandoffMetrics::oldestWaitSeconds).baseUnit("seconds")
                .description("How long the person first in the staff queue has waited; 0 when no one waits")
                .register(registry);
        this.requested = Counter.builder("wareg.handoffs.requested")
                .description("Hand-off requests that put a person in the staff queue").register(registry);
        this.claimed = Counter.builder("wareg.handoffs.claimed")
                .description("Waiting people a staff member took").register(registry);
        this.expired = Counter.builder("wareg.handoffs.expired")
                .description("Waiting people dropped from the staff queue after its maximum age").register(registry);
    }

    /** The waiting entries, oldest first, as a refresh found them. */
    void observe(List<Handoff> waitingEntries) {
        this.oldest = waitingEntries.isEmpty() ? null : waitingEntries.getFirst().requestedAt();
        this.waiting = waitingEntries.size();
    }

    void requested() {
        requested.increment();
    }

    void claimed() {
        claimed.increment();
    }

    void expired(int count) {
        expired.increment(count);
    }

    private double oldestWaitSeconds() {
        Instant first = oldest;
        return first == null ? 0 : Math.max(0, Duration.between(first, clock.instant()).toMillis() / 1000.0);
    }
}
