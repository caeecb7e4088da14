package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans of one hop, without a bus: what they continue, what they say, and what they never say. */
class MicrometerEventTracingTests {

    private final RecordedSpans spans = new RecordedSpans();
    private final EventTracing tracing = spans.tracing();

    @AfterEach
    void close() {
        spans.close();
    }

    @Test
    void theContextPublishedIsTheProducerSpansAndTheConsumerSpanContinuesIt() {
        MessageReceived event = received("web-chat", "+5511987654321");
        TraceContext carried;
        try (var publishing = tracing.publishing(event, MessagingProperties.Bus.JDBC)) {
            carried = publishing.context();
        }
        try (var handling = tracing.resume(carried, event, "chat-service", MessagingProperties.Bus.JDBC)) {
            assertThat(spans.tracer().currentSpan()).isNotNull();
        }

        SpanData producer = named("publish MessageReceived");
        SpanData consumer = named("chat-service MessageReceived");
        // version-trace id-parent id-flags; the flags say sampled (and, in newer SDKs, a random trace id).
        assertThat(carried.traceparent()).startsWith("00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-");
        assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey())
                .containsExactlyInAnyOrder("messaging.system", "messaging.destination.name", "messaging.message.id",
                        "messaging.operation.type", "messaging.consumer.group.name", "wareg.channel");
    }

    @Test
    void anEventWithoutAContextIsHandledInATraceOfItsOwnEvenInsideAnotherSpan() {
        var unrelated = spans.tracer().nextSpan().name("unrelated").start();
        try (var inScope = spans.tracer().withSpan(unrelated);
             var handling = tracing.resume(TraceContext.NONE, received("web-chat", "+5511987654321"), "chat-service",
                     MessagingProperties.Bus.RABBITMQ)) {
            // handled
        } finally {
            unrelated.end();
        }

        SpanData consumer = named("chat-service MessageReceived");
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
        assertThat(consumer.getTraceId()).isNotEqualTo(unrelated.context().traceId());
    }

    @Test
    void aFailureIsRecordedByItsTypeOnly() {
        try (var handling = tracing.resume(TraceContext.NONE, received("web-chat", "+5511987654321"), "chat-service",
                MessagingProperties.Bus.RABBITMQ)) {
            handling.failed(new IllegalStateException("could not save maria@example.com"));
        }

        SpanData consumer = named("chat-service MessageReceived");
        assertThat(consumer.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(consumer.getEvents()).isEmpty();
        assertThat(consumer.getAttributes().asMap().values()).noneMatch(value -> value.toString().contains("maria"));
    }

    @Test
    void theChannelIsTheOrderingKeysNameAndNothingThatIsNotAName() {
        assertThat(MicrometerEventTracing.channelOf(received("cloud-api", "5511987654321"))).isEqualTo("cloud-api");
        assertThat(MicrometerEventTracing.channelOf(received("+5511987654321", "x"))).isNull();
        assertThat(MicrometerEventTracing.channelOf(received("Maria Silva", "x"))).isNull();
    }

    private SpanData named(String name) {
        return spans.finished().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    private static MessageReceived received(String channel, String sender) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), channel, UUID.randomUUID().toString(), sender,
                "oi", true);
    }
}
