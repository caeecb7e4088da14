package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link EventTracing} over Micrometer Tracing: a {@code PRODUCER} span around each publish, whose W3C context
 * ({@code traceparent}, {@code tracestate}) the event carries, and a {@code CONSUMER} span, its child, around each
 * subscriber's handling, so that one trace goes from a channel through the broker to the outcome's reply.
 *
 * <p>Attribute names follow OpenTelemetry's messaging conventions where one fits
 * (<a href="https://opentelemetry.io/docs/specs/semconv/messaging/messaging-spans/">messaging spans</a>); their
 * values are the event's type and id, the subscriber, the bus and the channel name: nothing the person said or is.
 */
public final class MicrometerEventTracing implements EventTracing {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    /** A channel's name as the channels write it ({@code web-chat}); anything else in a key is not a name. */
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Propagator.Getter<TraceContext> FROM_CONTEXT = (context, key) -> switch (key) {
        case TRACEPARENT -> context.traceparent();
        case TRACESTATE -> context.tracestate();
        default -> null;
    };

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerEventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Publishing publishing(IntegrationEvent event, MessagingProperties.Bus bus) {
        String type = EventCodec.typeOf(event.getClass());
        Span span = describe(tracer.spanBuilder(), event, type, bus)
                .name("publish " + type)
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.operation.type", "send")
                .start();
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        TraceContext context = new TraceContext(headers.get(TRACEPARENT), headers.get(TRACESTATE));
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return new Publishing() {
            @Override
            public TraceContext context() {
                return context;
            }

            @Override
            public void failed(Throwable failure) {
                span.tag("error.type", failure.getClass().getName());
            }

            @Override
            public void close() {
                inScope.close();
                span.end();
            }
        };
    }

    @Override
    public Scope resume(TraceContext context, IntegrationEvent event, String subscriber, MessagingProperties.Bus bus) {
        String type = EventCodec.typeOf(event.getClass());
        // Without a context (published where nothing traced), the handling starts a trace of its own.
        Span.Builder builder = context.isEmpty() ? tracer.spanBuilder().setNoParent()
                : propagator.extract(context, FROM_CONTEXT);
        Span span = describe(builder, event, type, bus)
                .name(subscriber + " " + type)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.operation.type", "process")
                .tag("messaging.consumer.group.name", subscriber)
                .start();
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return new Scope() {
            @Override
            public void failed(Throwable failure) {
                span.tag("error.type", failure.getClass().getName());
            }

            @Override
            public void close() {
                inScope.close();
                span.end();
            }
        };
    }

    /** What a span of this event says about it, publishing or handling. */
    private static Span.Builder describe(Span.Builder span, IntegrationEvent event, String type,
            MessagingProperties.Bus bus) {
        span.tag("messaging.system", bus.name().toLowerCase(Locale.ROOT))
                .tag("messaging.destination.name", type)
                .tag("messaging.message.id", event.eventId().toString());
        String channel = channelOf(event);
        if (channel != null) {
            span.tag("wareg.channel", channel);
        }
        return span;
    }

    /**
     * The channel is the ordering key's first part ({@code channel:person}); the rest may be a phone number and
     * never becomes an attribute.
     */
    static String channelOf(IntegrationEvent event) {
        String key = event.orderingKey();
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String channel = key.substring(0, colon);
        return CHANNEL_NAME.matcher(channel).matches() ? channel : null;
    }
}
