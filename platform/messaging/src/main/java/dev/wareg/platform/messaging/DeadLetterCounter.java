package dev.wareg.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts the events each bus gives up on, as {@value #NAME}, once the dead letter is kept: tagged with the
 * subscriber, the event's type and the class of the reason, never the reason's text (a permanent failure's says
 * what was refused) nor anything of the event. The RabbitMQ deployment also shows its dead-letter queues' depth from
 * the broker; this counter is the same for every bus, the JDBC bus of the embedded default included.
 */
public final class DeadLetterCounter {

    public static final String NAME = "wareg.messaging.dead_letters";

    /** How the JDBC bus's reason starts for a type its subscriber once took but no handler here takes now. */
    public static final String NO_HANDLER = "no handler for ";

    /** Counts nothing: for a bus built without a meter registry. */
    public static final DeadLetterCounter NONE = new DeadLetterCounter(null);

    private static final List<String> REASONS = List.of("permanent", "unreadable", "no-handler", "exhausted");

    private final MeterRegistry registry;

    public DeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers the subscriber's counts for the type at zero, for every reason class, when it subscribes: a series
     * that appears with its first dead letter hides that one from {@code increase()}, which the alert relies on.
     */
    public void expect(String subscriber, String type) {
        if (registry == null) {
            return;
        }
        for (String reason : REASONS) {
            counter(subscriber, type, reason);
        }
    }

    /**
     * @param type   the event's type as the bus names it, when known
     * @param reason the dead letter's reason, as {@link Subscriptions#reason(Throwable)} wrote it
     */
    public void parked(String subscriber, String type, String reason) {
        if (registry == null) {
            return;
        }
        counter(subscriber, type != null && EventCodec.isKnownType(type) ? type : "unknown", reasonClass(reason))
                .increment();
    }

    private Counter counter(String subscriber, String type, String reasonClass) {
        return Counter.builder(NAME).description("Events a subscriber gave up on, kept as dead letters")
                .tag("subscriber", subscriber).tag("type", type).tag("reason", reasonClass)
                .register(registry);
    }

    /**
     * What kind of failure a recorded reason is: {@code permanent} (the handler refused the event for good),
     * {@code unreadable} (no version of this reader can decode it), {@code no-handler} (a subscriber's type that no
     * handler in the process takes), or {@code exhausted} (a failure worth retrying, retried until the attempts ran
     * out, or deliveries that never reached an outcome).
     */
    static String reasonClass(String reason) {
        if (reason == null) {
            return "exhausted";
        }
        if (reason.startsWith(PermanentFailure.class.getSimpleName() + ":")) {
            return "permanent";
        }
        if (reason.startsWith(EventCodec.UnreadableEvent.class.getSimpleName() + ":")) {
            return "unreadable";
        }
        if (reason.startsWith(NO_HANDLER)) {
            return "no-handler";
        }
        return "exhausted";
    }
}
