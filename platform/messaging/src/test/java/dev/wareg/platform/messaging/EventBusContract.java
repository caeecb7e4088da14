package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.SendMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link EventBus} adapter promises. Each adapter's test class extends this one. */
abstract class EventBusContract {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** A fresh bus whose failing handlers get each event {@code maxAttempts} times. */
    protected abstract EventBus bus(int maxAttempts);

    @Test
    void deliversAPublishedEventToEverySubscriberOfItsType() throws Exception {
        EventBus bus = bus(1);
        BlockingQueue<MessageReceived> chat = new LinkedBlockingQueue<>();
        BlockingQueue<MessageReceived> audit = new LinkedBlockingQueue<>();
        bus.subscribe("chat", MessageReceived.class, chat::add);
        bus.subscribe("audit", MessageReceived.class, audit::add);

        MessageReceived event = received("oi");
        bus.publish(event);

        assertThat(chat.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
        assertThat(audit.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
    }

    @Test
    void deliversOnlyTheTypesSubscribedTo() throws Exception {
        EventBus bus = bus(1);
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        bus.subscribe("web-chat", SendMessage.class, received::add);

        bus.publish(received("not for web-chat"));
        SendMessage reply = new SendMessage(UUID.randomUUID(), Instant.now(), "web-chat", "+5511987654321", "Olá!", null);
        bus.publish(reply);

        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(reply);
        assertThat(received).isEmpty();
    }

    @Test
    void aSubscriberGetsItsEventsInPublicationOrderOneAtATime() throws Exception {
        EventBus bus = bus(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        EventHandler<MessageReceived> handler = event -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(1);
            handled.add(event.text());
            concurrent.decrementAndGet();
            if (event.text().equals("49")) {
                done.add(true);
            }
        };
        bus.subscribe("chat", MessageReceived.class, handler);

        for (int i = 0; i < 50; i++) {
            bus.publish(received(String.valueOf(i)));
        }

        assertThat(done.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(String::valueOf).toList());
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void aFailingHandlerGetsTheEventAgainUpToTheLimit() throws Exception {
        EventBus bus = bus(3);
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<MessageReceived> after = new LinkedBlockingQueue<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            if (event.text().equals("poison")) {
                attempts.incrementAndGet();
                throw new IllegalStateException("cannot handle");
            }
            after.add(event);
        });

        bus.publish(received("poison"));
        MessageReceived next = received("next");
        bus.publish(next);

        assertThat(after.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(next);
        assertThat(attempts.get()).isEqualTo(3);
    }

    @Test
    void aHandlerThatFailsOnceSucceedsOnTheNextAttempt() throws Exception {
        EventBus bus = bus(2);
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<MessageReceived> handled = new LinkedBlockingQueue<>();
        bus.subscribe("worker", MessageReceived.class, event -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
            handled.add(event);
        });

        MessageReceived event = received("retry me");
        bus.publish(event);

        assertThat(handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
        assertThat(attempts.get()).isEqualTo(2);
    }

    private static MessageReceived received(String text) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "web-chat", UUID.randomUUID().toString(),
                "+5511987654321", text);
    }
}
