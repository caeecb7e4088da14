package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.SendMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventBus} adapter promises (see its documentation). Each adapter's test class extends this
 * one; an adapter that needs starting after its subscriptions (a listener container) starts in {@link #started}.
 */
public abstract class EventBusContract {

    protected static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * A fresh bus, isolated from every other bus this test made (its own queues or tables), whose failing
     * handlers get each event {@code maxAttempts} times with short delays. It also offers {@link DeadLetters}.
     */
    protected abstract EventBus bus(int maxAttempts);

    /** What the buses this test made counted. */
    protected final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The dead-letter counter each adapter's bus is built with, counting into {@link #meters}. */
    protected DeadLetterCounter deadLetterCounter() {
        return new DeadLetterCounter(meters);
    }

    /** Called once the test has subscribed its handlers; the in-process bus needs nothing. */
    protected void started(EventBus bus) {
    }

    @Test
    void deliversAPublishedEventToEverySubscriberOfItsType() throws Exception {
        EventBus bus = bus(1);
        BlockingQueue<MessageReceived> chat = new LinkedBlockingQueue<>();
        BlockingQueue<MessageReceived> audit = new LinkedBlockingQueue<>();
        bus.subscribe("chat", MessageReceived.class, chat::add);
        bus.subscribe("audit", MessageReceived.class, audit::add);
        started(bus);

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
        started(bus);

        bus.publish(received("not for web-chat"));
        SendMessage reply = new SendMessage(UUID.randomUUID(), Instant.now(), "web-chat", "+5511987654321", "Olá!",
                List.of(new SendMessage.Button("yes", "Sim")));
        bus.publish(reply);

        assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(reply);
        Thread.sleep(200);
        assertThat(received).isEmpty();
    }

    @Test
    void aSubscriberGetsOnePersonsEventsInPublicationOrderOneAtATime() throws Exception {
        EventBus bus = bus(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        bus.subscribe("chat", MessageReceived.class, event -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Thread.sleep(1);
            handled.add(event.text());
            concurrent.decrementAndGet();
            if (event.text().equals("49")) {
                done.countDown();
            }
        });
        started(bus);

        for (int i = 0; i < 50; i++) {
            bus.publish(received(String.valueOf(i)));
        }

        assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(handled).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(String::valueOf).toList());
        assertThat(maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void eachPersonsEventsStayInOrderWhenManyPeopleWriteAtOnce() throws Exception {
        EventBus bus = bus(1);
        Map<String, List<Integer>> handledBySender = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(20 * 10);
        bus.subscribe("chat", MessageReceived.class, event -> {
            handledBySender.computeIfAbsent(event.sender(), sender -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(event.text()));
            done.countDown();
        });
        started(bus);

        for (int i = 0; i < 10; i++) {
            for (int person = 0; person < 20; person++) {
                bus.publish(received("+55119876543" + (10 + person), String.valueOf(i)));
            }
        }

        assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(handledBySender).hasSize(20);
        handledBySender.values().forEach(texts -> assertThat(texts).isSorted().hasSize(10));
    }

    @Test
    void anEventPublishedTwiceIsHandledOnce() throws Exception {
        EventBus bus = bus(1);
        List<MessageReceived> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, handled::add);
        started(bus);

        MessageReceived event = received("once");
        MessageReceived marker = received("marker");
        bus.publish(event);
        bus.publish(event);
        bus.publish(marker);

        awaitUntil(() -> handled.contains(marker));
        assertThat(handled).containsExactly(event, marker);
    }

    @Test
    void aFailingHandlerGetsTheEventAgainUpToTheLimitThenItIsADeadLetter() throws Exception {
        EventBus bus = bus(3);
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<MessageReceived> after = new LinkedBlockingQueue<>();
        MessageReceived poison = received("+5511911112222", "poison");
        bus.subscribe("chat", MessageReceived.class, event -> {
            if (event.equals(poison)) {
                attempts.incrementAndGet();
                throw new IllegalStateException("cannot handle");
            }
            after.add(event);
        });
        started(bus);

        bus.publish(poison);
        MessageReceived next = received("+5511911112222", "next");
        bus.publish(next);

        assertThat(after.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(next);
        assertThat(attempts.get()).isEqualTo(3);
        DeadLetters deadLetters = (DeadLetters) bus;
        awaitUntil(() -> !deadLetters.list("chat", 10).isEmpty());
        assertThat(deadLetters.list("chat", 10)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(poison.eventId());
            assertThat(letter.type()).isEqualTo("MessageReceived");
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.reason()).contains("IllegalStateException").doesNotContain("poison");
        });
        assertThat(deadLetters.list("audit", 10)).isEmpty();
        awaitUntil(() -> deadLettersCounted("chat", "MessageReceived", "exhausted") == 1);
        assertThat(meters.find(DeadLetterCounter.NAME).counters()).as("registered at zero when subscribing")
                .extracting(counter -> counter.getId().getTag("reason") + " " + counter.count())
                .containsExactlyInAnyOrder("permanent 0.0", "unreadable 0.0", "no-handler 0.0", "exhausted 1.0");
    }

    @Test
    void aHandlerThatFailsForGoodMakesTheEventADeadLetterAtOnceWithItsReason() throws Exception {
        EventBus bus = bus(5);
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe("worker", MessageReceived.class, event -> {
            attempts.incrementAndGet();
            throw new PermanentFailure("INVALID_VALUE: account-api answered 422");
        });
        started(bus);

        MessageReceived event = received("refused");
        bus.publish(event);

        DeadLetters deadLetters = (DeadLetters) bus;
        awaitUntil(() -> !deadLetters.list("worker", 10).isEmpty());
        assertThat(deadLetters.list("worker", 10)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(event.eventId());
            assertThat(letter.reason()).isEqualTo("PermanentFailure: INVALID_VALUE: account-api answered 422");
        });
        assertThat(attempts.get()).isEqualTo(1);
        awaitUntil(() -> deadLettersCounted("worker", "MessageReceived", "permanent") == 1);
    }

    /**
     * A handler that refuses an event for good announces the refusal first (the update worker publishes the
     * rejection the person is told): what it published stands, on a transactional bus too.
     */
    @Test
    void whatAHandlerPublishedBeforeFailingForGoodIsDelivered() throws Exception {
        EventBus bus = bus(5);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        bus.subscribe("worker", MessageReceived.class, event -> {
            if (event.text().equals("refused")) {
                bus.publish(received("the refusal, announced"));
                throw new PermanentFailure("CONFLICT: account-api answered 409");
            }
        });
        bus.subscribe("listener", MessageReceived.class, event -> heard.add(event.text()));
        started(bus);

        bus.publish(received("refused"));

        DeadLetters deadLetters = (DeadLetters) bus;
        awaitUntil(() -> !deadLetters.list("worker", 10).isEmpty());
        assertThat(List.of(heard.poll(10, TimeUnit.SECONDS), heard.poll(10, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("refused", "the refusal, announced");
    }

    @Test
    void aDeadLetterRedrivenIsDeliveredAgain() throws Exception {
        EventBus bus = bus(1);
        Set<UUID> failing = ConcurrentHashMap.newKeySet();
        BlockingQueue<MessageReceived> handled = new LinkedBlockingQueue<>();
        MessageReceived event = received("fails until fixed");
        failing.add(event.eventId());
        bus.subscribe("chat", MessageReceived.class, received -> {
            if (failing.contains(received.eventId())) {
                throw new IllegalStateException("account-api refused");
            }
            handled.add(received);
        });
        started(bus);
        bus.publish(event);
        DeadLetters deadLetters = (DeadLetters) bus;
        awaitUntil(() -> !deadLetters.list("chat", 10).isEmpty());

        failing.clear();
        assertThat(deadLetters.redrive("chat", event.eventId())).isTrue();

        assertThat(handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
        awaitUntil(() -> deadLetters.list("chat", 10).isEmpty());
        assertThat(deadLetters.redrive("chat", event.eventId())).isFalse();
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
        started(bus);

        MessageReceived event = received("retry me");
        bus.publish(event);

        assertThat(handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(event);
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(((DeadLetters) bus).list("worker", 10)).isEmpty();
    }

    private double deadLettersCounted(String subscriber, String type, String reason) {
        var counter = meters.find(DeadLetterCounter.NAME)
                .tags("subscriber", subscriber, "type", type, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits up to {@link #WAIT} for {@code condition}, for tests of asynchronous delivery. */
    public static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(20);
        }
    }

    protected static MessageReceived received(String text) {
        return received("+5511987654321", text);
    }

    protected static MessageReceived received(String sender, String text) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "web-chat", UUID.randomUUID().toString(),
                sender, text, true);
    }
}
