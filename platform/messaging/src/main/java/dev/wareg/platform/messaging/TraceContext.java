package dev.wareg.platform.messaging;

/**
 * The W3C trace context an event travels with (<a href="https://www.w3.org/TR/trace-context/">Trace Context</a>),
 * so one trace covers a message from the channel through the chat and the worker.
 *
 * @param traceparent the {@code traceparent} header value, or {@code null} when the event was published outside a
 *                    trace
 * @param tracestate  the {@code tracestate} header value, or {@code null}
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    public boolean isEmpty() {
        return traceparent == null;
    }
}
