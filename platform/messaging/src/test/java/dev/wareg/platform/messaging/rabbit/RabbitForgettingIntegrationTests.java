package dev.wareg.platform.messaging.rabbit;

import static dev.wareg.platform.messaging.EventBusContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.MessageReceived;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.RedisPersonKeys;
import dev.wareg.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The RabbitMQ adapter's dead letters against a real broker: they expire after their retention, and an erasure
 * removes the person's at once; with sealed events, what still waits in a queue for the person is never read again. Each test has a namespace of its own, deleted afterwards.
 */
class RabbitForgettingIntegrationTests {

    private static final String HOST = System.getProperty("spring.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("spring.rabbitmq.port", 5672);
    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-0000000000e2");

    private static final TestRedis redis = TestRedis.connect();

    private final String keyPrefix = TestRedis.freshKeyPrefix("person-key");
    private final List<CachingConnectionFactory> connectionFactories = new ArrayList<>();
    private final List<RabbitEventBus> buses = new ArrayList<>();

    @Test
    void anErasureRemovesThePersonsDeadLettersAndKeepsTheOthersInOrder() throws Exception {
        RabbitEventBus bus = bus(Duration.ofDays(7));
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("cannot handle");
        });
        bus.forgetErasedPeople();
        bus.start();
        MessageReceived first = received("5521999990000");
        bus.publish(first);
        bus.publish(received("5511987654321"));
        bus.publish(received("551187654321@s.whatsapp.net"));
        MessageReceived last = received("5521999990001");
        bus.publish(last);
        awaitUntil(() -> bus.list("chat", 10).size() == 4);
        // Shards park their letters in parallel: the queue's order, not the publication order, is what must stay.
        List<UUID> others = bus.list("chat", 10).stream().map(DeadLetter::eventId)
                .filter(id -> id.equals(first.eventId()) || id.equals(last.eventId())).toList();

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, "+5511987654321", null, null));

        awaitUntil(() -> bus.list("chat", 10).size() == 2);
        assertThat(bus.list("chat", 10)).extracting(DeadLetter::eventId).containsExactlyElementsOf(others);
    }

    @Test
    void withSealedEventsAnErasedPersonsQueuedEventsHoldNoValueAndAreDroppedUnread() throws Exception {
        String namespace = "test-" + UUID.randomUUID();
        var keys = new RedisPersonKeys(redis.template(), keyPrefix);
        RabbitEventBus before = bus(namespace, keys);
        before.subscribe("chat", MessageReceived.class, event -> { });
        before.start();
        before.stop();
        before.publish(received("5511987654321", "meu cpf é 529.982.247-25"));
        before.publish(received("5521999990000", "sou o João"));
        // Read as a consumer (the queues take no basic.get) on a connection of its own, closed without acknowledging.
        List<String> queued = new CopyOnWriteArrayList<>();
        try (var connection = connectionFactory().getRabbitConnectionFactory().newConnection();
             var channel = connection.createChannel()) {
            for (String queue : before.queuesOf("chat")) {
                channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                                               byte[] body) {
                        // Never acknowledged: closing the connection puts it back.
                        queued.add(new String(body, StandardCharsets.UTF_8));
                    }
                });
            }
            awaitUntil(() -> queued.size() == 2);
        }
        assertThat(queued).as("the queued copies").hasSize(2)
                .noneMatch(body -> body.contains("529.982") || body.contains("João") || body.contains("87654321"));

        before.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, "+5511987654321", null,
                null));
        RabbitEventBus after = bus(namespace, keys);
        List<String> handled = new CopyOnWriteArrayList<>();
        after.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        after.start();

        RabbitAdmin admin = new RabbitAdmin(connectionFactory());
        awaitUntil(() -> handled.contains("sou o João") && after.queuesOf("chat").stream()
                .allMatch(queue -> admin.getQueueInfo(queue).getMessageCount() == 0));
        assertThat(handled).containsExactly("sou o João");
        assertThat(after.list("chat", 10)).as("dropped, not a dead letter").isEmpty();
    }

    @Test
    void deadLettersExpireAfterTheirRetention() throws Exception {
        RabbitEventBus bus = bus(Duration.ofSeconds(1));
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("cannot handle");
        });
        bus.start();
        bus.publish(received("5521999990000"));
        awaitUntil(() -> bus.list("chat", 10).size() == 1);

        awaitUntil(() -> bus.list("chat", 10).isEmpty());
    }

    private RabbitEventBus bus(Duration deadLetterRetention) {
        return bus("test-" + UUID.randomUUID(), deadLetterRetention, PersonKeys.NONE, 1);
    }

    /** Five attempts: a delivery this test reads without acknowledging counts as one. */
    private RabbitEventBus bus(String namespace, PersonKeys keys) {
        return bus(namespace, Duration.ofDays(7), keys, 5);
    }

    private RabbitEventBus bus(String namespace, Duration deadLetterRetention, PersonKeys keys, int maxAttempts) {
        CachingConnectionFactory connectionFactory = connectionFactory();
        var bus = new RabbitEventBus(connectionFactory,
                new MessagingProperties(MessagingProperties.Bus.RABBITMQ, maxAttempts, Duration.ofMillis(50),
                        Duration.ofMillis(200), 2, Duration.ofHours(1)),
                new RabbitBusProperties(namespace, Duration.ofSeconds(5), Duration.ofSeconds(30),
                        16, Duration.ofMillis(500), Map.of(), deadLetterRetention),
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), EventTracing.NONE,
                Clock.systemUTC(), DeadLetterCounter.NONE, keys);
        buses.add(bus);
        return bus;
    }

    private CachingConnectionFactory connectionFactory() {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(HOST, PORT);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        connectionFactories.add(connectionFactory);
        return connectionFactory;
    }

    private static MessageReceived received(String sender) {
        return received(sender, "oi");
    }

    private static MessageReceived received(String sender, String text) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", UUID.randomUUID().toString(),
                sender, text, true);
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @AfterEach
    void deleteTopology() {
        redis.deleteKeys(keyPrefix);
        buses.forEach(RabbitEventBus::stop);
        RabbitAdmin admin = new RabbitAdmin(connectionFactory());
        for (RabbitEventBus bus : buses) {
            for (String subscriber : List.of("chat", "chat" + RabbitTopology.ERASURES)) {
                bus.queuesOf(subscriber).forEach(admin::deleteQueue);
            }
            admin.deleteExchange(bus.topology().eventsExchange());
            admin.deleteExchange(bus.topology().deadLetterExchange());
        }
        connectionFactories.forEach(CachingConnectionFactory::destroy);
    }
}
