package dev.wareg.platform.messaging.rabbit;

import static dev.wareg.platform.messaging.EventBusContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The RabbitMQ adapter's dead letters against a real broker: they expire after their retention, and an erasure
 * removes the person's at once. Each test has a namespace of its own, deleted afterwards.
 */
class RabbitForgettingIntegrationTests {

    private static final String HOST = System.getProperty("spring.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("spring.rabbitmq.port", 5672);
    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-0000000000e2");

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

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, "+5511987654321", null, null));

        awaitUntil(() -> bus.list("chat", 10).size() == 2);
        assertThat(bus.list("chat", 10)).extracting(DeadLetter::eventId)
                .containsExactly(first.eventId(), last.eventId());
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
        CachingConnectionFactory connectionFactory = connectionFactory();
        var bus = new RabbitEventBus(connectionFactory,
                new MessagingProperties(MessagingProperties.Bus.RABBITMQ, 1, Duration.ofMillis(50),
                        Duration.ofMillis(200), 2, Duration.ofHours(1)),
                new RabbitBusProperties("test-" + UUID.randomUUID(), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        16, Duration.ofMillis(500), Map.of(), deadLetterRetention),
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), EventTracing.NONE,
                Clock.systemUTC());
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
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", UUID.randomUUID().toString(),
                sender, "oi", true);
    }

    @AfterEach
    void deleteTopology() {
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
