package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** The topology against the machine's RabbitMQ, where queues outlive the processes that declared them. */
class RabbitTopologyIntegrationTests {

    private static final String HOST = System.getProperty("spring.rabbitmq.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("spring.rabbitmq.port", 5672);

    private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory(HOST, PORT);
    private final RabbitAdmin admin = new RabbitAdmin(connectionFactory);
    private final RabbitTopology topology =
            new RabbitTopology("topology-test-" + UUID.randomUUID(), 2, Duration.ofDays(7));

    /**
     * A dead-letter queue declared before the retention existed cannot be given one by a redeclaration (the broker
     * refuses other arguments): the bus still starts, using the queue as it is, instead of failing every
     * declaration of the subscriber.
     */
    @Test
    void aDeadLetterQueueDeclaredBeforeTheRetentionIsUsedAsItIs() {
        admin.declareQueue(new Queue(topology.deadLetterQueue("chat"), true, false, false,
                Map.of(RabbitTopology.QUEUE_TYPE, "quorum")));

        topology.declare(admin, "chat", Set.of("MessageReceived"));

        assertThat(admin.getQueueInfo(topology.deadLetterQueue("chat"))).isNotNull();
        assertThat(topology.queues("chat")).allSatisfy(queue -> assertThat(admin.getQueueInfo(queue)).isNotNull());
    }

    @Test
    void aNewDeadLetterQueueGetsTheRetention() {
        topology.declare(admin, "chat", Set.of("MessageReceived"));

        assertThat(admin.getQueueInfo(topology.deadLetterQueue("chat"))).isNotNull();
    }

    @AfterEach
    void deleteTopology() {
        topology.queues("chat").forEach(admin::deleteQueue);
        admin.deleteQueue(topology.deadLetterQueue("chat"));
        admin.deleteExchange(topology.eventsExchange());
        admin.deleteExchange(topology.deadLetterExchange());
        connectionFactory.destroy();
    }
}
