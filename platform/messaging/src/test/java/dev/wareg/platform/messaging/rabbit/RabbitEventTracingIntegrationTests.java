package dev.wareg.platform.messaging.rabbit;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.EventTracingContract;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Traces cross a real RabbitMQ broker (127.0.0.1:5672 as guest), in a namespace of their own that is deleted
 * afterwards.
 */
class RabbitEventTracingIntegrationTests extends EventTracingContract {

    private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory(
            System.getProperty("spring.rabbitmq.host", "127.0.0.1"), Integer.getInteger("spring.rabbitmq.port", 5672));
    private RabbitEventBus bus;

    @Override
    protected EventBus bus(EventTracing tracing) {
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        bus = new RabbitEventBus(connectionFactory,
                new MessagingProperties(MessagingProperties.Bus.RABBITMQ, 1, Duration.ofMillis(50),
                        Duration.ofMillis(200), 4, Duration.ofHours(1)),
                new RabbitBusProperties("test-" + UUID.randomUUID(), Duration.ofSeconds(5), Duration.ofSeconds(30), 16,
                        Duration.ofMillis(500)),
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), tracing, Clock.systemUTC());
        return bus;
    }

    @Override
    protected void started(EventBus bus) {
        ((RabbitEventBus) bus).start();
    }

    @Override
    protected String system() {
        return "rabbitmq";
    }

    @AfterEach
    void deleteTopology() {
        if (bus != null) {
            bus.stop();
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            for (String subscriber : List.of("chat", "web-chat")) {
                bus.queuesOf(subscriber).forEach(admin::deleteQueue);
            }
            admin.deleteExchange(bus.topology().eventsExchange());
            admin.deleteExchange(bus.topology().deadLetterExchange());
        }
        connectionFactory.destroy();
    }
}
