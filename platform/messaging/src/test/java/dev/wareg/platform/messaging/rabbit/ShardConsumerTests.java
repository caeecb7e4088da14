package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.rabbitmq.client.Channel;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryPersonKeys;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.Subscriptions;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/** How one shard's deliveries are settled, without a broker and without sleeping: waits are recorded. */
class ShardConsumerTests {

    private static final long TAG = 42;

    private final MessagingProperties properties = new MessagingProperties(MessagingProperties.Bus.RABBITMQ, 4,
            Duration.ofSeconds(1), Duration.ofSeconds(3), 8, Duration.ofDays(1));
    private final Subscriptions subscriptions = new Subscriptions(
            new InMemoryProcessedEvents(Duration.ofDays(1), Clock.systemUTC()), EventTracing.NONE,
            MessagingProperties.Bus.RABBITMQ);
    private final EventCodec codec = new EventCodec();
    private final Channel channel = mock(Channel.class);
    private final List<Duration> waits = new ArrayList<>();
    private final List<Parked> parked = new ArrayList<>();
    private boolean stopped;

    private final MessageReceived event = new MessageReceived(UUID.randomUUID(), Instant.parse("2025-01-01T00:00:00Z"),
            "web-chat", "m-1", "+5511987654321", "oi", true);

    private ShardConsumer consumer() {
        return new ShardConsumer("chat", "wareg.chat.3", subscriptions, codec, properties, delay -> {
            waits.add(delay);
            return !stopped;
        }, (message, fromQueue, reason, attempts) -> parked.add(new Parked(fromQueue, reason, attempts)));
    }

    @Test
    void acknowledgesOnlyAfterTheHandlerReturned() throws Exception {
        List<String> order = new ArrayList<>();
        subscriptions.add("chat", MessageReceived.class, received -> order.add("handled"));

        consumer().onMessage(delivery(codec.encode(event, TraceContext.NONE), 0), channel);

        assertThat(order).containsExactly("handled");
        verify(channel).basicAck(TAG, false);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void anEventWhosePersonWasErasedIsAcknowledgedUnhandledAndNotParked() throws Exception {
        var keys = new InMemoryPersonKeys();
        var sealing = new EventCodec(keys);
        byte[] sealed = sealing.encode(event, TraceContext.NONE);
        sealing.encode(new AccountErased(UUID.randomUUID(), Instant.now(), null, UUID.randomUUID(), event.sender(),
                null, null), TraceContext.NONE);
        List<String> handled = new ArrayList<>();
        subscriptions.add("chat", MessageReceived.class, received -> handled.add(received.text()));

        new ShardConsumer("chat", "wareg.chat.3", subscriptions, sealing, properties, delay -> true,
                (message, fromQueue, reason, attempts) -> parked.add(new Parked(fromQueue, reason, attempts)))
                .onMessage(delivery(sealed, 0), channel);

        assertThat(handled).isEmpty();
        assertThat(parked).isEmpty();
        verify(channel).basicAck(TAG, false);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void retriesInPlaceWithAGrowingDelayThenParksTheEventAndAcknowledges() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        subscriptions.add("chat", MessageReceived.class, received -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("account-api refused " + received.text());
        });

        consumer().onMessage(delivery(codec.encode(event, TraceContext.NONE), 0), channel);

        assertThat(attempts).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(parked).containsExactly(new Parked("wareg.chat.3", "java.lang.IllegalStateException", 4));
        verify(channel).basicAck(TAG, false);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void aRedeliveryGoesOnCountingTheAttemptsOfEarlierDeliveries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        subscriptions.add("chat", MessageReceived.class, received -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("still down");
        });

        consumer().onMessage(delivery(codec.encode(event, TraceContext.NONE), 2), channel);

        assertThat(attempts).hasValue(2);
        assertThat(parked).singleElement().extracting(Parked::attempts).isEqualTo(4);
    }

    @Test
    void aDeliveryThatCameBackAsOftenAsTheLimitIsParkedWithoutAnotherAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        subscriptions.add("chat", MessageReceived.class, received -> attempts.incrementAndGet());

        consumer().onMessage(delivery(codec.encode(event, TraceContext.NONE), 4), channel);

        assertThat(attempts).hasValue(0);
        assertThat(parked).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(4);
            assertThat(letter.reason()).contains("delivered 4 times");
        });
        verify(channel).basicAck(TAG, false);
    }

    @Test
    void stoppingDuringAWaitGivesTheDeliveryBackInsteadOfParkingIt() throws Exception {
        subscriptions.add("chat", MessageReceived.class, received -> {
            throw new IllegalStateException("down");
        });
        stopped = true;

        consumer().onMessage(delivery(codec.encode(event, TraceContext.NONE), 0), channel);

        assertThat(parked).isEmpty();
        verify(channel).basicReject(TAG, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void anUnreadableMessageIsParkedAtOnceWithoutAnAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        subscriptions.add("chat", MessageReceived.class, received -> attempts.incrementAndGet());

        consumer().onMessage(delivery("{\"type\":\"Nonsense\"}".getBytes(), 0), channel);

        assertThat(attempts).hasValue(0);
        assertThat(parked).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isZero();
            assertThat(letter.reason()).contains("UnreadableEvent");
        });
        verify(channel).basicAck(TAG, false);
    }

    @Test
    void whenTheDeadLetterCannotBeParkedTheDeliveryIsGivenBack() throws Exception {
        subscriptions.add("chat", MessageReceived.class, received -> {
            throw new IllegalStateException("down");
        });
        ShardConsumer consumer = new ShardConsumer("chat", "wareg.chat.3", subscriptions, codec, properties,
                delay -> true, (message, fromQueue, reason, attempts) -> {
                    throw new org.springframework.amqp.AmqpException("broker going away");
                });

        consumer.onMessage(delivery(codec.encode(event, TraceContext.NONE), 0), channel);

        verify(channel).basicReject(TAG, true);
        verifyNoMoreInteractions(channel);
    }

    @Test
    void anEventAlreadyHandledIsAcknowledgedWithoutHandlingItAgain() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        subscriptions.add("chat", MessageReceived.class, received -> handled.incrementAndGet());
        byte[] body = codec.encode(event, TraceContext.NONE);

        consumer().onMessage(delivery(body, 0), channel);
        consumer().onMessage(delivery(body, 0), channel);

        assertThat(handled).hasValue(1);
    }

    @Test
    void theTraceComesFromTheEnvelopeOrElseFromTheHeaders() {
        MessageProperties headers = new MessageProperties();
        headers.setHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        assertThat(ShardConsumer.traceOf(headers).traceparent())
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(ShardConsumer.traceOf(new MessageProperties()).isEmpty()).isTrue();
    }

    private static Message delivery(byte[] body, int earlierDeliveries) {
        MessageProperties properties = new MessageProperties();
        properties.setDeliveryTag(TAG);
        if (earlierDeliveries > 0) {
            properties.setHeader(ShardConsumer.DELIVERY_COUNT, (long) earlierDeliveries);
        }
        return new Message(body, properties);
    }

    private record Parked(String fromQueue, String reason, int attempts) {
    }
}
