package dev.wareg.platform.messaging.rabbit;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.ProcessedEvents;
import dev.wareg.platform.messaging.Subscriptions;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Events travel through RabbitMQ: durable, confirmed on publish, in per-subscriber quorum queues split into
 * shards by ordering key, each shard consumed by one active consumer at a time (see {@link RabbitTopology} and
 * {@code RABBITMQ.md}). Consumers start with {@link #start()}, after the application's subscriptions, or at once for
 * a subscription made later.
 *
 * <p>The connection factory must have publisher confirms ({@code CORRELATED}) and returns enabled. Reconnecting
 * is Spring AMQP's: the caching connection factory opens a new connection on the next use, and each shard's
 * listener container recovers every {@code recoveryInterval}.
 */
public final class RabbitEventBus implements EventBus, DeadLetters, SmartLifecycle, AutoCloseable {

    private final ConnectionFactory connectionFactory;
    private final MessagingProperties properties;
    private final RabbitBusProperties rabbit;
    private final EventTracing tracing;
    private final EventCodec codec = new EventCodec();
    private final Subscriptions subscriptions;
    private final RabbitTopology topology;
    private final RabbitAdmin admin;
    private final ConfirmedPublisher publisher;
    private final DeadLetterQueues deadLetterQueues;
    private final Set<String> expectedTypes;
    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private boolean running;
    /** Counted down when the bus stops, to cut short the consumers' waits between attempts. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    public RabbitEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            RabbitBusProperties rabbit, ProcessedEvents processedEvents, EventTracing tracing, Clock clock) {
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalArgumentException(
                    "the event bus needs a connection factory with correlated publisher confirms and returns");
        }
        this.connectionFactory = connectionFactory;
        this.properties = properties;
        this.rabbit = rabbit;
        this.tracing = tracing;
        this.subscriptions = new Subscriptions(processedEvents, tracing, MessagingProperties.Bus.RABBITMQ);
        this.topology = new RabbitTopology(rabbit.namespace(), properties.shards());
        this.admin = new RabbitAdmin(connectionFactory);
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        // Publishers have their own connection: when the broker blocks publishers (memory or disk alarm), the
        // consumers that would drain the queues keep going.
        template.setUsePublisherConnection(true);
        template.setMandatory(true);
        this.publisher = new ConfirmedPublisher(template, rabbit.confirmTimeout(), rabbit.publishTimeout(), clock);
        this.deadLetterQueues = new DeadLetterQueues(template, publisher, topology, clock);
        this.expectedTypes = rabbit.expectedTypes();
    }

    @Override
    public void publish(IntegrationEvent event) {
        try (var publishing = tracing.publishing(event, MessagingProperties.Bus.RABBITMQ)) {
            try {
                send(event, publishing.context());
            } catch (RuntimeException e) {
                publishing.failed(e);
                throw e;
            }
        }
    }

    private void send(IntegrationEvent event, TraceContext trace) {
        String type = EventCodec.typeOf(event.getClass());
        MessageProperties message = new MessageProperties();
        message.setMessageId(event.eventId().toString());
        message.setType(type);
        message.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        message.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        message.setTimestamp(java.util.Date.from(event.occurredAt()));
        // Also in the envelope; headers let tracing tools that do not read bodies follow the message.
        if (trace.traceparent() != null) {
            message.setHeader("traceparent", trace.traceparent());
        }
        if (trace.tracestate() != null) {
            message.setHeader("tracestate", trace.tracestate());
        }
        int shard = properties.shardOf(event.orderingKey());
        // An event no subscriber declared a queue for has simply nobody to go to, unless a subscriber is expected
        // to get it: then no queue taking it is a failure, not a confirm of nothing.
        publisher.send(topology.eventsExchange(), RabbitTopology.routingKey(type, shard),
                new Message(codec.encode(event, trace), message), expectedTypes.contains(type),
                type + " " + event.eventId());
    }

    @Override
    public synchronized <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type,
            EventHandler<E> handler) {
        boolean first = subscriptions.add(subscriber, type, handler);
        if (running) {
            topology.declare(admin, subscriber, subscriptions.typesOf(subscriber));
            if (first) {
                startConsumers(subscriber);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        stopping = new CountDownLatch(1);
        rabbit.expectedSubscribers().forEach((subscriber, types) -> topology.declare(admin, subscriber, types));
        for (String subscriber : subscriptions.subscribers()) {
            topology.declare(admin, subscriber, subscriptions.typesOf(subscriber));
        }
        for (String subscriber : subscriptions.subscribers()) {
            startConsumers(subscriber);
        }
        running = true;
    }

    private void startConsumers(String subscriber) {
        for (String queue : topology.queues(subscriber)) {
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(queue);
            container.setBeanName("bus-" + queue);
            // One consumer thread per shard queue: shards run in parallel, a shard's events one after another.
            container.setConcurrentConsumers(1);
            container.setPrefetchCount(rabbit.prefetch());
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setRecoveryInterval(rabbit.recoveryInterval().toMillis());
            // A quorum queue is briefly unavailable while the broker restarts: keep trying rather than give up.
            container.setMissingQueuesFatal(false);
            container.setMessageListener(new ShardConsumer(subscriber, queue, subscriptions, codec, properties,
                    delay -> !stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS),
                    (message, fromQueue, reason, attempts) ->
                            deadLetterQueues.park(subscriber, message, fromQueue, reason, attempts)));
            container.afterPropertiesSet();
            container.start();
            containers.add(container);
        }
    }

    /** Lets the handlers finish the deliveries they hold; a delivery waiting for its next attempt goes back. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        stopping.countDown();
        containers.forEach(SimpleMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public List<DeadLetter> list(String subscriber, int limit) {
        return deadLetterQueues.list(subscriber, limit);
    }

    @Override
    public boolean redrive(String subscriber, UUID eventId) {
        return deadLetterQueues.redrive(subscriber, eventId);
    }

    /** The exchanges and queues this bus declared or would declare: for tests that clean up after themselves. */
    List<String> queuesOf(String subscriber) {
        List<String> queues = new ArrayList<>(topology.queues(subscriber));
        queues.add(topology.deadLetterQueue(subscriber));
        return queues;
    }

    RabbitTopology topology() {
        return topology;
    }
}
