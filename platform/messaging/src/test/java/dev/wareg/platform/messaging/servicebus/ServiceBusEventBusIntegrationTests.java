package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventBusContract;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.TraceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.jms.Connection;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Service Bus adapter, over JMS on AMQP 1.0, against an Apache Artemis broker this test starts (Service Bus
 * cannot run here; see docs/messaging.md, "What the tests here do not prove", and
 * {@link ServiceBusNamespaceIntegrationTests} for the same contract against a real namespace). Each bus has a
 * namespace of its own, so tests never see each other's topics and subscriptions.
 */
class ServiceBusEventBusIntegrationTests extends EventBusContract {

    static final int SHARDS = 4;

    @TempDir
    static Path directory;
    static EmbeddedArtemis broker;

    private final List<ServiceBusEventBus> buses = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedArtemis(directory).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(ServiceBusEventBus::close);
    }

    @Override
    protected EventBus bus(int maxAttempts) {
        return bus(maxAttempts, namespace());
    }

    private ServiceBusEventBus bus(int maxAttempts, String namespace) {
        ServiceBusProperties serviceBus = ServiceBusProperties.ofUrl(broker.url(), namespace);
        ServiceBusEventBus bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus),
                messaging(maxAttempts), serviceBus, new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()),
                EventTracing.NONE, Clock.systemUTC(), deadLetterCounter());
        buses.add(bus);
        return bus;
    }

    @Override
    protected void started(EventBus bus) {
        ((ServiceBusEventBus) bus).start();
    }

    /** Short delays between attempts, so that a test sees every attempt within its wait. */
    static MessagingProperties messaging(int maxAttempts) {
        return new MessagingProperties(MessagingProperties.Bus.AZURE_SERVICE_BUS, maxAttempts, Duration.ofMillis(50),
                Duration.ofMillis(200), SHARDS, Duration.ofHours(1));
    }

    /** Short, as on Azure, where a subscription's name has 50 characters. */
    static String namespace() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theEventIdIsTheMessageIdAndTheTraceTravelsInApplicationProperties() throws Exception {
        String namespace = namespace();
        ServiceBusEventBus bus = bus(1, namespace);
        MessageReceived event = received("traced");
        int shard = messaging(1).shardOf(event.orderingKey());
        try (Connection connection = new JmsConnectionFactory(broker.url()).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createSharedDurableConsumer(
                    session.createTopic(bus.names().topic(shard)), namespace + ".observer." + shard);

            String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            BlockingQueue<Message> seen = new LinkedBlockingQueue<>();
            new Thread(() -> {
                try {
                    seen.add(consumer.receive(WAIT.toMillis()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            EventTracing tracing = new FixedTrace(new TraceContext(traceparent, "wareg=1"));
            ServiceBusProperties serviceBus = ServiceBusProperties.ofUrl(broker.url(), namespace);
            ServiceBusEventBus traced = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus),
                    messaging(1), serviceBus, new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()),
                    tracing, Clock.systemUTC(), deadLetterCounter());
            buses.add(traced);
            traced.publish(event);

            Message message = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).isNotNull();
            assertThat(message.getJMSMessageID()).endsWith(event.eventId().toString());
            assertThat(message.getStringProperty("traceparent")).isEqualTo(traceparent);
            assertThat(message.getStringProperty("tracestate")).isEqualTo("wareg=1");
            assertThat(message.getStringProperty("wareg_type")).isEqualTo("MessageReceived");
            assertThat(message.getJMSDeliveryMode()).isEqualTo(javax.jms.DeliveryMode.PERSISTENT);
        }
    }

    @Test
    void eachInstanceConsumesOnlyItsShards() throws Exception {
        String namespace = namespace();
        ServiceBusProperties first = ServiceBusProperties.ofUrl(broker.url(), namespace).withInstance(0, 2);
        ServiceBusProperties second = ServiceBusProperties.ofUrl(broker.url(), namespace).withInstance(1, 2);
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        for (ServiceBusProperties instance : List.of(first, second)) {
            ServiceBusEventBus bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(instance),
                    messaging(1), instance, new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()),
                    EventTracing.NONE, Clock.systemUTC(), deadLetterCounter());
            buses.add(bus);
            bus.subscribe("chat", MessageReceived.class,
                    event -> handled.add(instance.consumerInstance() + ":" + messaging(1).shardOf(event.orderingKey())));
            bus.start();
        }
        for (int person = 0; person < 20; person++) {
            buses.getFirst().publish(received("+55119876543" + (10 + person), "oi"));
        }
        for (int i = 0; i < 20; i++) {
            String lane = handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(lane).isNotNull();
            int instance = Integer.parseInt(lane.substring(0, 1));
            int shard = Integer.parseInt(lane.substring(2));
            assertThat(shard % 2).isEqualTo(instance);
        }
    }

    /**
     * The broker goes away and comes back (on the same journal) while events are being published and handled:
     * publishes wait for it, consumers resume, and every event is handled once, each person's in order.
     */
    @Test
    void nothingIsLostOrHandledTwiceWhenTheBrokerRestarts() throws Exception {
        ServiceBusEventBus bus = bus(5, namespace());
        java.util.Map<String, List<Integer>> handled = new java.util.concurrent.ConcurrentHashMap<>();
        bus.subscribe("chat", MessageReceived.class, event -> handled
                .computeIfAbsent(event.sender(), sender -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(Integer.parseInt(event.text())));
        bus.start();
        int people = 10;
        int each = 30;
        for (int i = 0; i < each; i++) {
            if (i == each / 2) {
                broker.stop();
                Thread restart = new Thread(() -> {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    broker.start();
                });
                restart.start();
            }
            for (int person = 0; person < people; person++) {
                bus.publish(received("+55119876543" + (10 + person), String.valueOf(i)));
            }
        }

        awaitUntil(() -> handled.values().stream().mapToInt(List::size).sum() >= people * each);
        Thread.sleep(300);
        assertThat(handled).hasSize(people);
        handled.values().forEach(texts -> assertThat(texts)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, each).boxed().toList()));
    }

    /** Tracing that puts one fixed context on every event it publishes. */
    private record FixedTrace(TraceContext context) implements EventTracing {

        @Override
        public Publishing publishing(dev.wareg.contracts.IntegrationEvent event, MessagingProperties.Bus bus) {
            return new Publishing() {
                @Override
                public TraceContext context() {
                    return context;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Scope resume(TraceContext trace, dev.wareg.contracts.IntegrationEvent event, String subscriber,
                MessagingProperties.Bus bus) {
            return () -> { };
        }
    }
}
