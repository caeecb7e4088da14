package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handlers subscribed on this process, and the one way every adapter hands an event to a handler: skip it if
 * the subscriber already processed it, handle it inside the trace it was published in, then remember it.
 */
public final class Subscriptions {

    private final Map<String, Map<Class<? extends IntegrationEvent>, EventHandler<?>>> handlers =
            new ConcurrentHashMap<>();
    private final ProcessedEvents processed;
    private final EventTracing tracing;
    private final MessagingProperties.Bus bus;

    public Subscriptions(ProcessedEvents processed, EventTracing tracing, MessagingProperties.Bus bus) {
        this.processed = processed;
        this.tracing = tracing;
        this.bus = bus;
    }

    public enum Outcome { HANDLED, ALREADY_PROCESSED, NOT_SUBSCRIBED }

    /** @return true when this is the subscriber's first subscription on this process */
    public <E extends IntegrationEvent> boolean add(String subscriber, Class<E> type, EventHandler<E> handler) {
        boolean first = !handlers.containsKey(subscriber);
        if (handlers.computeIfAbsent(subscriber, name -> new ConcurrentHashMap<>()).putIfAbsent(type, handler) != null) {
            throw new IllegalStateException(subscriber + " already subscribed to " + type.getSimpleName());
        }
        return first;
    }

    public Set<String> subscribers() {
        return handlers.keySet();
    }

    /** The wire names of the types {@code subscriber} handles. */
    public Set<String> typesOf(String subscriber) {
        return handlers.getOrDefault(subscriber, Map.of()).keySet().stream()
                .map(EventCodec::typeOf).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean isSubscribed(String subscriber, Class<? extends IntegrationEvent> type) {
        return handlers.getOrDefault(subscriber, Map.of()).containsKey(type);
    }

    /** Throws what the handler threw; the caller decides whether to retry or dead-letter. */
    @SuppressWarnings("unchecked")
    public Outcome deliver(String subscriber, IntegrationEvent event, TraceContext trace) throws Exception {
        var handler = (EventHandler<IntegrationEvent>) handlers.getOrDefault(subscriber, Map.of()).get(event.getClass());
        if (handler == null) {
            return Outcome.NOT_SUBSCRIBED;
        }
        if (processed.isProcessed(subscriber, event.eventId())) {
            return Outcome.ALREADY_PROCESSED;
        }
        try (var scope = tracing.resume(trace, event, subscriber, bus)) {
            try {
                handler.handle(event);
            } catch (Exception | Error e) {
                scope.failed(e);
                throw e;
            }
        }
        processed.markProcessed(subscriber, event.eventId());
        return Outcome.HANDLED;
    }

    /** Whether another attempt may succeed: not when the handler said otherwise or the event cannot be read. */
    public static boolean isRetryable(Throwable failure) {
        return !(failure instanceof PermanentFailure || failure instanceof EventCodec.UnreadableEvent);
    }

    /**
     * What a failure is recorded as in dead letters and logs: the exception's class and its root cause's, never
     * its message, which may quote the event's content, except for the reasons of {@link PermanentFailure} and
     * {@link EventCodec.UnreadableEvent}, which are written not to.
     */
    public static String reason(Throwable failure) {
        if (!isRetryable(failure)) {
            return failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getClass().getName()
                : failure.getClass().getName() + " caused by " + root.getClass().getName();
    }
}
