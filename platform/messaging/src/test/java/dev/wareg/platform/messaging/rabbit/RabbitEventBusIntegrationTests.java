package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventBusContract;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageProperties;
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

    private final List<CachingConnectionFactory> connectionFactories = new ArrayList<>();
    private final List<RabbitEventBus> buses = new ArrayList<>();
    private final Set<String> subscribers = ConcurrentHashMap.newKeySet();

    @Override
    protected EventBus bus(int maxAttempts) {
        return bus(maxAttempts, "test-" + java.util.UUID.randomUUID(), new InMemoryProcessedEvents(
                Duration.ofHours(1), Clock.systemUTC()));
    }

    private RabbitEventBus bus(int maxAttempts, String namespace, ProcessedEvents processed) {
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(HOST, PORT);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        connectionFactories.add(connectionFactory);
        var properties = new MessagingProperties(MessagingProperties.Bus.RABBITMQ, maxAttempts, Duration.ofMillis(50),
                Duration.ofMillis(200), 4, Duration.ofHours(1));
        var rabbit = new RabbitBusProperties(namespace, Duration.ofSeconds(5), Duration.ofSeconds(30), 1,
                Duration.ofMillis(500));
        RabbitEventBus bus = new RabbitEventBus(connectionFactory, properties, rabbit, processed, EventTracing.NONE,
                Clock.systemUTC());
        buses.add(bus);
        return bus;
    }

    @Override
    protected void started(EventBus bus) {
        ((RabbitEventBus) bus).start();
    }

    @AfterEach
    void deleteTopology() {
        buses.forEach(RabbitEventBus::stop);
        if (!buses.isEmpty()) {
            RabbitAdmin admin = new RabbitAdmin(connectionFactories.getFirst());
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
