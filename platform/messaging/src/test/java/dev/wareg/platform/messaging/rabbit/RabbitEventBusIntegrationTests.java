package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventBusContract;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.ProcessedEvents;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The RabbitMQ adapter against a real broker ({@code spring.rabbitmq.host}/{@code port}, by default
 * 127.0.0.1:5672 as guest). Each bus gets its own namespace, so tests never see each other's queues, and every
 * exchange and queue is deleted afterwards.
 */
class RabbitEventBusIntegrationTests extends EventBusContract {

    private static final String HOST = System.getProperty("spring.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("spring.rabbitmq.port", 5672);

    private static final int SHARDS = 4;

    private final List<CachingConnectionFactory> connectionFactories = new ArrayList<>();
    private final List<RabbitEventBus> buses = new ArrayList<>();

    @Override
    protected EventBus bus(int maxAttempts) {
        return bus(maxAttempts, namespace(), processed());
    }

    private RabbitEventBus bus(int maxAttempts, String namespace, ProcessedEvents processed) {
        RabbitEventBus bus = new RabbitEventBus(connectionFactory(HOST, PORT), messaging(maxAttempts),
                rabbit(namespace, Duration.ofSeconds(30)), processed, EventTracing.NONE, Clock.systemUTC(),
                deadLetterCounter());
        buses.add(bus);
        return bus;
    }

    private CachingConnectionFactory connectionFactory(String host, int port) {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(host, port);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        connectionFactories.add(connectionFactory);
        return connectionFactory;
    }

    /** Short delays between attempts, so that a test sees every attempt within its wait. */
    private static MessagingProperties messaging(int maxAttempts) {
        return new MessagingProperties(MessagingProperties.Bus.RABBITMQ, maxAttempts, Duration.ofMillis(50),
                Duration.ofMillis(200), SHARDS, Duration.ofHours(1));
    }

    private static RabbitBusProperties rabbit(String namespace, Duration publishTimeout) {
        return new RabbitBusProperties(namespace, Duration.ofSeconds(5), publishTimeout, 16, Duration.ofMillis(500));
    }

    private static String namespace() {
        return "test-" + UUID.randomUUID();
    }

    private static ProcessedEvents processed() {
        return new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC());
    }

    private static int shardOf(MessageReceived event) {
        return messaging(1).shardOf(event.orderingKey());
    }

    private RabbitAdmin admin() {
        return new RabbitAdmin(connectionFactory(HOST, PORT));
    }

    @Test
    void publishReturnsOnlyOnceTheEventIsInTheQueue() {
        RabbitEventBus subscriber = bus(1, namespace(), processed());
        subscriber.subscribe("chat", MessageReceived.class, event -> { });
        subscriber.start();
        subscriber.stop();

        MessageReceived event = received("confirmed");
        subscriber.publish(event);

        // No wait: the broker confirmed the message, so it is already in the subscriber's shard queue.
        int shard = shardOf(event);
        assertThat(admin().getQueueInfo(subscriber.topology().queue("chat", shard)).getMessageCount()).isEqualTo(1);
    }

    @Test
    void publishFailsClearlyWhenTheBrokerCannotBeReached() {
        CachingConnectionFactory nowhere = connectionFactory("127.0.0.1", 1);
        RabbitEventBus bus = new RabbitEventBus(nowhere, messaging(1), rabbit(namespace(), Duration.ofMillis(500)),
                processed(), EventTracing.NONE, Clock.systemUTC());

        long started = System.nanoTime();
        assertThatThrownBy(() -> bus.publish(received("lost?")))
                .isInstanceOf(AmqpException.class)
                .hasMessageContaining("MessageReceived")
                .hasMessageNotContaining("+5511");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anEventAnExpectedSubscriberMustGetWaitsForItEvenBeforeItsServiceEverStarted() throws Exception {
        String namespace = namespace();
        RabbitEventBus webhook = expecting(namespace, Duration.ofSeconds(30));
        webhook.start();
        MessageReceived event = received("first ever");
        webhook.publish(event);

        RabbitEventBus chat = bus(1, namespace, processed());
        List<MessageReceived> handled = new CopyOnWriteArrayList<>();
        chat.subscribe("chat", MessageReceived.class, handled::add);
        chat.start();

        awaitUntil(() -> handled.size() == 1);
        assertThat(handled).containsExactly(event);
    }

    @Test
    void anEventAnExpectedSubscriberMustGetFailsWhenNoQueueTakesIt() {
        // Never started, so the expected queues were never declared (as after the broker lost them); the exchange
        // is there.
        RabbitEventBus webhook = expecting(namespace(), Duration.ofMillis(500));
        admin().declareExchange(new TopicExchange(webhook.topology().eventsExchange(), true, false));

        assertThatThrownBy(() -> webhook.publish(received("nobody")))
                .isInstanceOf(AmqpException.class)
                .hasMessageContaining("no queue took it");
    }

    @Test
    void manyPublishesAtOnceEachReturnOnlyOnceConfirmed() throws Exception {
        RabbitEventBus bus = bus(1, namespace(), processed());
        List<String> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        bus.start();

        // As requests on virtual threads: many publishes in flight at once, each waiting for its own confirm.
        int publishers = 64;
        int each = 20;
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int publisher = 0; publisher < publishers; publisher++) {
                String sender = "+55119" + (10_000_000 + publisher);
                threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        bus.publish(received(sender, sender + "/" + i));
                    }
                    return null;
                });
            }
        }

        awaitUntil(() -> handled.size() >= publishers * each);
        assertThat(handled).hasSize(publishers * each).doesNotHaveDuplicates();
    }

    @Test
    void aBrokerThatLostTheBusDefinitionsGetsThemBackOnTheNextConnection() throws Exception {
        String namespace = namespace();
        CachingConnectionFactory connections = connectionFactory(HOST, PORT);
        RabbitEventBus bus = new RabbitEventBus(connections, messaging(1),
                new RabbitBusProperties(namespace, Duration.ofSeconds(5), Duration.ofSeconds(20), 16,
                        Duration.ofMillis(500), Map.of("chat", Set.of("MessageReceived"))),
                processed(), EventTracing.NONE, Clock.systemUTC());
        buses.add(bus);
        List<MessageReceived> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, handled::add);
        bus.start();
        bus.publish(received("before"));
        awaitUntil(() -> handled.size() == 1);

        // As a node rebuilt from an empty disk: the definitions are gone, and the clients reconnect.
        RabbitAdmin admin = admin();
        bus.queuesOf("chat").forEach(admin::deleteQueue);
        admin.deleteExchange(bus.topology().eventsExchange());
        connections.resetConnection();

        MessageReceived after = received("after");
        bus.publish(after);
        awaitUntil(() -> handled.size() == 2);
        assertThat(handled.getLast()).isEqualTo(after);
    }

    private RabbitEventBus expecting(String namespace, Duration publishTimeout) {
        RabbitEventBus bus = new RabbitEventBus(connectionFactory(HOST, PORT), messaging(1),
                new RabbitBusProperties(namespace, Duration.ofSeconds(5), publishTimeout, 16, Duration.ofMillis(500),
                        Map.of("chat", Set.of("MessageReceived"))),
                processed(), EventTracing.NONE, Clock.systemUTC());
        buses.add(bus);
        return bus;
    }

    @Test
    void eventsPublishedWhileNoConsumerRunsAreHandledWhenOneStarts() throws Exception {
        String namespace = namespace();
        RabbitEventBus before = bus(1, namespace, processed());
        before.subscribe("chat", MessageReceived.class, event -> { });
        before.start();
        before.stop();
        List<MessageReceived> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(received(String.valueOf(i)));
            before.publish(published.getLast());
        }

        RabbitEventBus after = bus(1, namespace, processed());
        List<MessageReceived> handled = new CopyOnWriteArrayList<>();
        after.subscribe("chat", MessageReceived.class, handled::add);
        after.start();

        awaitUntil(() -> handled.size() == 5);
        assertThat(handled).containsExactlyElementsOf(published);
    }

    @Test
    void twoInstancesOfASubscriberShareTheShardsWithOneActiveConsumerEach() throws Exception {
        String namespace = namespace();
        ProcessedEvents shared = processed();
        Map<String, Set<String>> instancesBySender = new ConcurrentHashMap<>();
        Map<String, List<Integer>> handledBySender = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(20 * 10);
        for (String instance : List.of("first", "second")) {
            RabbitEventBus bus = bus(1, namespace, shared);
            bus.subscribe("chat", MessageReceived.class, event -> {
                instancesBySender.computeIfAbsent(event.sender(), sender -> ConcurrentHashMap.newKeySet()).add(instance);
                handledBySender.computeIfAbsent(event.sender(), sender -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(event.text()));
                done.countDown();
            });
            bus.start();
        }

        for (int i = 0; i < 10; i++) {
            for (int person = 0; person < 20; person++) {
                buses.getFirst().publish(received("+55119876543" + (10 + person), String.valueOf(i)));
            }
        }

        assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(handledBySender).hasSize(20);
        handledBySender.values().forEach(texts -> assertThat(texts).isSorted().hasSize(10));
        // A person's events all travel in one shard queue, and only one instance consumes a queue at a time.
        instancesBySender.values().forEach(instances -> assertThat(instances).hasSize(1));
    }

    @Test
    void whenTheActiveInstanceStopsAnotherTakesOverItsShards() throws Exception {
        String namespace = namespace();
        ProcessedEvents shared = processed();
        List<String> handled = new CopyOnWriteArrayList<>();
        RabbitEventBus first = bus(1, namespace, shared);
        first.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        first.start();
        RabbitEventBus second = bus(1, namespace, shared);
        second.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        second.start();

        first.publish(received("0"));
        awaitUntil(() -> handled.size() == 1);
        first.stop();
        second.publish(received("1"));
        second.publish(received("2"));

        awaitUntil(() -> handled.size() == 3);
        assertThat(handled).containsExactly("0", "1", "2");
    }

    @Test
    @Timeout(90)
    void nothingIsLostWhenTheBrokerRestartsMidStream() throws Exception {
        assumeTrue(canControlBroker(), "needs rabbitmqctl for the broker under test");
        RabbitEventBus bus = bus(3, namespace(), processed());
        Map<String, List<Integer>> handledBySender = new ConcurrentHashMap<>();
        bus.subscribe("chat", MessageReceived.class, event -> handledBySender
                .computeIfAbsent(event.sender(), sender -> new CopyOnWriteArrayList<>())
                .add(Integer.parseInt(event.text())));
        bus.start();

        try {
            for (int i = 0; i < 30; i++) {
                for (int person = 0; person < 3; person++) {
                    bus.publish(received("+55119876543" + (10 + person), String.valueOf(i)));
                }
                if (i == 10) {
                    rabbitmqctl("stop_app");
                    Thread.ofPlatform().daemon().start(() -> {
                        sleep(Duration.ofSeconds(2));
                        rabbitmqctl("start_app");
                    });
                }
            }
        } finally {
            rabbitmqctl("start_app");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (handledBySender.values().stream().mapToInt(List::size).sum() < 90 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(handledBySender).hasSize(3);
        List<Integer> all = java.util.stream.IntStream.range(0, 30).boxed().toList();
        handledBySender.values().forEach(handled -> assertThat(handled).containsExactlyElementsOf(all));
    }

    @Test
    void theTraceTravelsInTheEnvelopeAndInHeadersAndTheHandlerRunsInsideIt() throws Exception {
        TraceContext published = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "congo=t61rcWkgMzE");
        List<TraceContext> resumed = new CopyOnWriteArrayList<>();
        EventTracing tracing = new EventTracing() {
            @Override
            public Publishing publishing(IntegrationEvent event, MessagingProperties.Bus bus) {
                return new Publishing() {
                    @Override
                    public TraceContext context() {
                        return published;
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public Scope resume(TraceContext context, IntegrationEvent event, String subscriber,
                    MessagingProperties.Bus bus) {
                resumed.add(context);
                return () -> { };
            }
        };
        String namespace = namespace();
        RabbitEventBus bus = new RabbitEventBus(connectionFactory(HOST, PORT), messaging(1),
                rabbit(namespace, Duration.ofSeconds(30)), processed(), tracing, Clock.systemUTC());
        buses.add(bus);
        bus.subscribe("chat", MessageReceived.class, event -> { });
        bus.start();
        bus.stop();

        MessageReceived event = received("traced");
        bus.publish(event);
        org.springframework.amqp.core.Message message = new RabbitTemplate(connectionFactory(HOST, PORT))
                .receive(bus.topology().queue("chat", shardOf(event)), 5000);
        assertThat(message.getMessageProperties().<String>getHeader("traceparent")).isEqualTo(published.traceparent());
        assertThat(message.getMessageProperties().<String>getHeader("tracestate")).isEqualTo(published.tracestate());
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
        assertThat(message.getMessageProperties().getType()).isEqualTo("MessageReceived");
        assertThat(new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains(published.traceparent());

        bus.publish(event);
        bus.start();
        awaitUntil(() -> !resumed.isEmpty());
        assertThat(resumed.getFirst()).isEqualTo(published);
    }

    @Test
    void anUnreadableMessageIsADeadLetterAtOnce() throws Exception {
        RabbitEventBus bus = bus(5, namespace(), processed());
        bus.subscribe("chat", MessageReceived.class, event -> { });
        bus.start();

        MessageProperties properties = new MessageProperties();
        String id = java.util.UUID.randomUUID().toString();
        properties.setMessageId(id);
        properties.setType("MessageReceived");
        new RabbitTemplate(connectionFactory(HOST, PORT)).send(bus.topology().eventsExchange(), "MessageReceived.0",
                new org.springframework.amqp.core.Message("{\"type\":\"MessageReceived\",\"version\":9}".getBytes(),
                        properties));

        awaitUntil(() -> !bus.list("chat", 10).isEmpty());
        assertThat(bus.list("chat", 10)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).hasToString(id);
            assertThat(letter.attempts()).isZero();
            assertThat(letter.reason()).contains("UnreadableEvent");
        });
    }

    @Test
    void listingDeadLettersKeepsThemAndTheirOrder() throws Exception {
        RabbitEventBus bus = bus(1, namespace(), processed());
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("down");
        });
        bus.start();
        List<MessageReceived> published = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            published.add(received(String.valueOf(i)));
            bus.publish(published.getLast());
        }
        awaitUntil(() -> bus.list("chat", 10).size() == 3);

        for (int read = 0; read < 3; read++) {
            assertThat(bus.list("chat", 10)).extracting(DeadLetters.DeadLetter::eventId)
                    .containsExactlyElementsOf(published.stream().map(MessageReceived::eventId).toList());
        }
        assertThat(bus.list("chat", 2)).hasSize(2);
        assertThat(bus.list("chat", 10)).hasSize(3);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean canControlBroker() {
        return HOST.equals("127.0.0.1") && rabbitmqctl("status") == 0;
    }

    private static int rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    protected void started(EventBus bus) {
        ((RabbitEventBus) bus).start();
    }

    @AfterEach
    void deleteTopology() {
        buses.forEach(RabbitEventBus::stop);
        if (!buses.isEmpty()) {
            RabbitAdmin admin = new RabbitAdmin(connectionFactory(HOST, PORT));
            for (RabbitEventBus bus : buses) {
                for (String subscriber : List.of("chat", "audit", "web-chat", "worker")) {
                    bus.queuesOf(subscriber).forEach(admin::deleteQueue);
                }
                admin.deleteExchange(bus.topology().eventsExchange());
                admin.deleteExchange(bus.topology().deadLetterExchange());
            }
        }
        connectionFactories.forEach(CachingConnectionFactory::destroy);
    }
}
