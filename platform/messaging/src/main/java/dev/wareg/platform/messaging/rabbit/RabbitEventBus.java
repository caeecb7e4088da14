package dev.wareg.platform.messaging.rabbit;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.ErasedPerson;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.ProcessedEvents;
import dev.wareg.platform.messaging.Subscriptions;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.Connection;
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

    private static final Logger log = LoggerFactory.getLogger(RabbitEventBus.class);

    private final ConnectionFactory connectionFactory;
    private final MessagingProperties properties;
    private final RabbitBusProperties rabbit;
    private final EventTracing tracing;
    private final EventCodec codec;
    private final Subscriptions subscriptions;
    private final RabbitTopology topology;
    private final RabbitAdmin admin;
    private final ConfirmedPublisher publisher;
    private final DeadLetterQueues deadLetterQueues;
    private final DeadLetterCounter deadLetterCounter;
    private final Set<String> expectedTypes;
    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    /** What this bus declared, by subscriber: declared again on every new connection (see {@link #start()}). */
    private final Map<String, Set<String>> declared = new ConcurrentHashMap<>();
    private final AtomicBoolean redeclaring = new AtomicBoolean();
    private volatile boolean running;
    /** Counted down when the bus stops, to cut short the consumers' waits between attempts. */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean listening = new AtomicBoolean();
    /** Whether each subscriber's dead letters forget erased people ({@link #forgetErasedPeople}). */
    private volatile boolean forgetting;

    public RabbitEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            RabbitBusProperties rabbit, ProcessedEvents processedEvents, EventTracing tracing, Clock clock) {
        this(connectionFactory, properties, rabbit, processedEvents, tracing, clock, DeadLetterCounter.NONE);
    }

    public RabbitEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            RabbitBusProperties rabbit, ProcessedEvents processedEvents, EventTracing tracing, Clock clock,
            DeadLetterCounter deadLetterCounter) {
        this(connectionFactory, properties, rabbit, processedEvents, tracing, clock, deadLetterCounter,
                PersonKeys.NONE);
    }

    /** @param keys the store of each person's data key the events about them are sealed under */
    public RabbitEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            RabbitBusProperties rabbit, ProcessedEvents processedEvents, EventTracing tracing, Clock clock,
            DeadLetterCounter deadLetterCounter, PersonKeys keys) {
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalArgumentException(
                    "the event bus needs a connection factory with correlated publisher confirms and returns");
        }
        this.connectionFactory = connectionFactory;
        this.codec = new EventCodec(keys);
        this.properties = properties;
        this.rabbit = rabbit;
        this.tracing = tracing;
        this.subscriptions = new Subscriptions(processedEvents, tracing, MessagingProperties.Bus.RABBITMQ);
        this.topology = new RabbitTopology(rabbit.namespace(), properties.shards(), rabbit.deadLetterRetention());
        this.admin = new RabbitAdmin(connectionFactory);
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        // Publishers have their own connection: when the broker blocks publishers (memory or disk alarm), the
        // consumers that would drain the queues keep going.
        template.setUsePublisherConnection(true);
        template.setMandatory(true);
        this.publisher = new ConfirmedPublisher(template, rabbit.confirmTimeout(), rabbit.publishTimeout(), clock);
        this.deadLetterCounter = deadLetterCounter;
        this.deadLetterQueues = new DeadLetterQueues(template, publisher, topology, clock, deadLetterCounter);
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
        deadLetterCounter.expect(subscriber, EventCodec.typeOf(type));
        if (running) {
            declare(subscriber, subscriptions.typesOf(subscriber));
            if (first) {
                startConsumers(subscriber);
                if (addForgetter(subscriber)) {
                    declare(subscriber + RabbitTopology.ERASURES, subscriptions.typesOf(subscriber + RabbitTopology.ERASURES));
                    startConsumers(subscriber + RabbitTopology.ERASURES);
                }
            }
        }
    }

    /**
     * Makes every subscriber of this process forget a person whose account is erased ({@link AccountErased}) from
     * its dead letters, which may otherwise keep the person's events for the dead-letter retention. Each subscriber
     * {@code S} gets a companion subscriber {@code S-erasures} that takes the erasures and removes the person's
     * letters from {@code S}'s dead-letter queue; what is still in flight in the shard queues is handled as usual.
     */
    public synchronized void forgetErasedPeople() {
        forgetting = true;
        if (running) {
            for (String subscriber : List.copyOf(subscriptions.subscribers())) {
                if (addForgetter(subscriber)) {
                    declare(subscriber + RabbitTopology.ERASURES, subscriptions.typesOf(subscriber + RabbitTopology.ERASURES));
                    startConsumers(subscriber + RabbitTopology.ERASURES);
                }
            }
        }
    }

    /** @return whether a forgetter was added for {@code subscriber} */
    private boolean addForgetter(String subscriber) {
        if (!forgetting || subscriber.endsWith(RabbitTopology.ERASURES)) {
            return false;
        }
        String forgetter = subscriber + RabbitTopology.ERASURES;
        if (subscriptions.isSubscribed(forgetter, AccountErased.class)) {
            return false;
        }
        subscriptions.add(forgetter, AccountErased.class, erased -> {
            int forgotten = deadLetterQueues.forget(subscriber, ErasedPerson.of(erased));
            log.info("Forgot {} dead letters of {} about erased account {}", forgotten, subscriber,
                    erased.accountId());
        });
        deadLetterCounter.expect(forgetter, EventCodec.typeOf(AccountErased.class));
        return true;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        stopping = new CountDownLatch(1);
        for (String subscriber : List.copyOf(subscriptions.subscribers())) {
            addForgetter(subscriber);
        }
        rabbit.expectedSubscribers().forEach(this::declare);
        for (String subscriber : subscriptions.subscribers()) {
            declare(subscriber, subscriptions.typesOf(subscriber));
        }
        if (listening.compareAndSet(false, true)) {
            connectionFactory.addConnectionListener(this::redeclare);
            ConnectionFactory publishers = connectionFactory.getPublisherConnectionFactory();
            if (publishers != null) {
                publishers.addConnectionListener(this::redeclare);
            }
        }
        for (String subscriber : subscriptions.subscribers()) {
            startConsumers(subscriber);
        }
        running = true;
    }

    private void declare(String subscriber, Set<String> types) {
        declared.merge(subscriber, Set.copyOf(types), (before, added) ->
                Stream.concat(before.stream(), added.stream()).collect(Collectors.toUnmodifiableSet()));
        topology.declare(admin, subscriber, types);
    }

    /**
     * A new connection may be to a broker that lost its definitions (a node rebuilt from an empty disk, a vhost
     * re-created): without the exchange and queues, every publish of an expected type would fail and every other
     * event would be confirmed and dropped. So each new connection declares them again; declaring what exists is
     * a no-op. It runs on the thread creating the connection, which may hold the connection factory's lock, so it
     * must not wait for this bus's lock (another thread holding it may be waiting for that connection).
     */
    private void redeclare(Connection connection) {
        if (!running || !redeclaring.compareAndSet(false, true)) {
            return;
        }
        try {
            declared.forEach((subscriber, types) -> topology.declare(admin, subscriber, types));
        } catch (AmqpException e) {
            // The consumers retry and the publishers fail loudly; the next connection tries again.
            log.warn("Could not declare the bus's exchanges and queues on a new connection", e);
        } finally {
            redeclaring.set(false);
        }
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
