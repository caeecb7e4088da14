package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;

/**
 * How adapters carry traces across the bus: publishing is a producer span whose context goes into the envelope,
 * and each subscriber handles the event inside a consumer span that continues that context. Without tracing
 * configured ({@link #NONE}), nothing is carried.
 *
 * <p>Spans describe the hop, never the event's content: its type, id, the subscriber, the bus and the channel
 * name, but no text, phone number, sender or other personal data.
 */
public interface EventTracing {

    EventTracing NONE = new EventTracing() {
        @Override
        public Publishing publishing(IntegrationEvent event, MessagingProperties.Bus bus) {
            return new Publishing() {
                @Override
                public TraceContext context() {
                    return TraceContext.NONE;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Scope resume(TraceContext context, IntegrationEvent event, String subscriber,
                MessagingProperties.Bus bus) {
            return () -> { };
        }
    };

    /** Starts publishing {@code event} on {@code bus}: a span, current until closed, whose context goes with it. */
    Publishing publishing(IntegrationEvent event, MessagingProperties.Bus bus);

    /**
     * Starts {@code subscriber}'s handling of {@code event}: a span continuing {@code context} (a new trace when it
     * is empty), current on this thread until the scope closes.
     */
    Scope resume(TraceContext context, IntegrationEvent event, String subscriber, MessagingProperties.Bus bus);

    interface Scope extends AutoCloseable {

        /** Marks the span failed by the failure's class name (its message may quote the event: never recorded). */
        default void failed(Throwable failure) {
        }

        @Override
        void close();
    }

    interface Publishing extends Scope {

        /** What the event carries: the publishing span's context. */
        TraceContext context();
    }
}
