package dev.wareg.platform.messaging;

/**
 * How adapters carry traces across the bus: the publisher's current context goes into the envelope, and the
 * consumer handles the event inside it. Without tracing configured, nothing is carried.
 */
public interface EventTracing {

    EventTracing NONE = new EventTracing() {
        @Override
        public TraceContext current() {
            return TraceContext.NONE;
        }

        @Override
        public Scope resume(TraceContext context, String operation) {
            return () -> { };
        }
    };

    /** The context of the code that is publishing now. */
    TraceContext current();

    /** Makes {@code context} current (as the parent of a span named {@code operation}) until the scope closes. */
    Scope resume(TraceContext context, String operation);

    interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
