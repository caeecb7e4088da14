package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.SendMessage;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every bus promises about traces, on spans recorded in memory through the OpenTelemetry bridge: an event
 * published inside a trace is handled inside the same trace, in a consumer span whose parent is the publishing
 * (producer) span; what the handler publishes in turn continues it; and no span carries what the person said or
 * who they are. An adapter's test extends this with its bus.
 */
public abstract class EventTracingContract {

    private static final String SENDER = "+5511987654321";
    private static final String TEXT = "meu e-mail é maria@example.com";

    private final RecordedSpans spans = new RecordedSpans();
    protected final OtelTracer tracer = spans.tracer();
    protected final EventTracing tracing = spans.tracing();

    /** A bus that traces with {@code tracing}, not started. */
    protected abstract EventBus bus(EventTracing tracing);

    protected abstract void started(EventBus bus);

    /** The bus's name in the spans' {@code messaging.system}. */
    protected abstract String system();

    @AfterEach
    void closeTracing() {
        spans.close();
    }

    @Test
    void anEventIsHandledInTheTraceItWasPublishedInAsAChildOfThePublishingSpan() throws Exception {
        EventBus bus = bus(tracing);
        List<String> traceIdsInHandler = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            traceIdsInHandler.add(tracer.currentSpan().context().traceId());
            // The chat answers inside the trace of the message: the reply's hop belongs to it too.
            bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "web-chat", SENDER, "Olá!", List.of(), "pt-BR"));
        });
        bus.subscribe("web-chat", SendMessage.class, event -> { });
        started(bus);

        Span request = tracer.nextSpan().name("POST /web-chat/api/messages").start();
        try (var inScope = tracer.withSpan(request)) {
            bus.publish(new MessageReceived(UUID.randomUUID(), Instant.now(), "web-chat", UUID.randomUUID().toString(),
                    SENDER, TEXT, true));
        } finally {
            request.end();
        }

        SpanData handledReply = awaitSpan("web-chat SendMessage");
        SpanData published = awaitSpan("publish MessageReceived");
        // The reply may be handled before the chat's span, around the handler that published it, has ended.
        SpanData handled = awaitSpan("chat MessageReceived");
        SpanData publishedReply = awaitSpan("publish SendMessage");
        String traceId = request.context().traceId();

        assertThat(List.of(published, handled, publishedReply, handledReply))
                .allSatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId));
        assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(published.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(handled.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(handled.getParentSpanId()).isEqualTo(published.getSpanId());
        assertThat(traceIdsInHandler).containsExactly(traceId);
        assertThat(publishedReply.getParentSpanId()).isEqualTo(handled.getSpanId());
        assertThat(handledReply.getParentSpanId()).isEqualTo(publishedReply.getSpanId());

        assertThat(handled.getAttributes().get(AttributeKey.stringKey("messaging.system"))).isEqualTo(system());
        assertThat(handled.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")))
                .isEqualTo("chat");
        assertThat(handled.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                .isEqualTo("MessageReceived");
        assertThat(published.getAttributes().get(AttributeKey.stringKey("wareg.channel"))).isEqualTo("web-chat");
        for (SpanData span : spans.finished()) {
            span.getAttributes().forEach((key, value) -> assertThat(String.valueOf(value)).as(span.getName() + " " + key)
                    .doesNotContain(SENDER.substring(1)).doesNotContain("maria").doesNotContain("Olá"));
        }
    }

    @Test
    void anEventPublishedOutsideATraceStartsOneWhereItIsHandled() throws Exception {
        EventBus bus = bus(tracing);
        bus.subscribe("chat", MessageReceived.class, event -> { });
        started(bus);

        bus.publish(new MessageReceived(UUID.randomUUID(), Instant.now(), "web-chat", UUID.randomUUID().toString(),
                SENDER, TEXT, true));

        SpanData handled = awaitSpan("chat MessageReceived");
        SpanData published = span("publish MessageReceived");
        assertThat(handled.getTraceId()).isEqualTo(published.getTraceId());
        assertThat(published.getParentSpanContext().isValid()).isFalse();
    }

    private SpanData awaitSpan(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SpanData> span = find(name);
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span " + name + " among " + spans.finished());
    }

    private SpanData span(String name) {
        return find(name).orElseThrow(() -> new AssertionError("no span " + name + " among "
                + spans.finished()));
    }

    private Optional<SpanData> find(String name) {
        return spans.finished().stream().filter(span -> span.getName().equals(name)).findFirst();
    }
}
