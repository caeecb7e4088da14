package dev.wareg.platform.messaging.servicebus;

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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.jms.BytesMessage;
import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.DeliveryMode;
import javax.jms.JMSException;
import javax.jms.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Events travel through Azure Service Bus, over JMS 2.0 on AMQP 1.0 (Microsoft's {@code azure-servicebus-jms}, on
 * Apache Qpid JMS): a topic per shard, a durable subscription per subscriber on each, consumed in peek-lock and
 * settled only once the event is handled or parked (see {@link EntityNames} and docs/messaging.md).
 *
 * <p>Consumers start with {@link #start()}, after the application's subscriptions (creating the subscriptions then,
 * before {@code start} returns, so that nothing published afterwards misses them), or at once for a subscriber
 * added later.
 */
public final class ServiceBusEventBus implements EventBus, DeadLetters, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceBusEventBus.class);

    /** Application properties every message carries (JMS property names: no '-'). */
    static final String TYPE = "wareg_type";
    static final String SHARD = "wareg_shard";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    /** What the encoded event may add on the wire (properties, AMQP framing) within the size limit. */
    static final int OVERHEAD = 2 * 1024;

    private static final String ERASURES = "-erasures";

    private final MessagingProperties properties;
    private final ServiceBusProperties serviceBus;
    private final EventTracing tracing;
    private final EventCodec codec;
    private final Subscriptions subscriptions;
    private final EntityNames names;
    private final DeadLetterCounter deadLetterCounter;
    private final Clock clock;
    private final Connections connections;
    private final Publisher publisher;
    private final ParkingQueues parking;
    private final List<LaneConsumer> lanes = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean forgetting;
    private volatile CountDownLatch stopping = new CountDownLatch(1);

    public ServiceBusEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            ServiceBusProperties serviceBus, ProcessedEvents processedEvents, EventTracing tracing, Clock clock,
            DeadLetterCounter deadLetterCounter) {
        this(connectionFactory, properties, serviceBus, processedEvents, tracing, clock, deadLetterCounter,
                PersonKeys.NONE);
    }

    /** @param keys the store of each person's data key the events about them are sealed under */
    public ServiceBusEventBus(ConnectionFactory connectionFactory, MessagingProperties properties,
            ServiceBusProperties serviceBus, ProcessedEvents processedEvents, EventTracing tracing, Clock clock,
            DeadLetterCounter deadLetterCounter, PersonKeys keys) {
        this.codec = new EventCodec(keys);
        this.properties = properties;
        this.serviceBus = serviceBus;
        this.tracing = tracing;
        this.clock = clock;
        this.deadLetterCounter = deadLetterCounter;
        this.subscriptions = new Subscriptions(processedEvents, tracing, MessagingProperties.Bus.AZURE_SERVICE_BUS);
        this.names = new EntityNames(serviceBus.namespace(), properties.shards());
        this.connections = new Connections(connectionFactory);
        this.publisher = new Publisher(connections, serviceBus.publishSessions(), serviceBus.sendTimeout(), clock);
        this.parking = new ParkingQueues(connections, publisher, names, clock, serviceBus.deadLetterRetention());
    }

    @Override
    public void publish(IntegrationEvent event) {
        try (var publishing = tracing.publishing(event, MessagingProperties.Bus.AZURE_SERVICE_BUS)) {
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
        byte[] body = codec.encode(event, trace);
        checkSize(type, body.length, serviceBus.maxMessageSize().toBytes());
        int shard = properties.shardOf(event.orderingKey());
        publisher.send(Publisher.Target.topic(names.topic(shard)), type + " " + event.eventId(), event.eventId(), session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setJMSType(type);
            message.setStringProperty(TYPE, type);
            message.setIntProperty(SHARD, shard);
            message.setStringProperty(ParkingQueues.EVENT_ID, event.eventId().toString());
            // Also in the envelope; application properties let tools that do not read bodies follow the trace.
            if (trace.traceparent() != null) {
                message.setStringProperty(TRACEPARENT, trace.traceparent());
            }
            if (trace.tracestate() != null) {
                message.setStringProperty(TRACESTATE, trace.tracestate());
            }
            return message;
        }, DeliveryMode.PERSISTENT, Message.DEFAULT_TIME_TO_LIVE);
    }

    /** Fails a publish the broker would refuse for its size, naming the type only (the content may be personal). */
    static void checkSize(String type, int encodedBytes, long maxBytes) {
        if (encodedBytes + OVERHEAD > maxBytes) {
            throw new IllegalArgumentException(type + " is " + encodedBytes + " bytes encoded, more than the "
                    + maxBytes + " bytes a Service Bus message may have here (wareg.messaging.servicebus.max-message-size)");
        }
    }

    @Override
    public synchronized <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type,
            EventHandler<E> handler) {
        names.checkSubscriber(subscriber);
        boolean first = subscriptions.add(subscriber, type, handler);
        deadLetterCounter.expect(subscriber, EventCodec.typeOf(type));
        if (running && first) {
            startConsumers(subscriber, null);
            if (addForgetter(subscriber)) {
                startConsumers(subscriber + ERASURES, erasuresOnly());
            }
        }
    }

    /**
     * Makes every subscriber {@code S} of this process forget a person whose account is erased from its parked dead
     * letters: a companion subscriber {@code S-erasures} takes {@link AccountErased} (its subscriptions select that
     * type only) and removes the letters naming the person ({@link ErasedPerson}).
     */
    public synchronized void forgetErasedPeople() {
        forgetting = true;
        if (running) {
            for (String subscriber : List.copyOf(subscriptions.subscribers())) {
                if (addForgetter(subscriber)) {
                    startConsumers(subscriber + ERASURES, erasuresOnly());
                }
            }
        }
    }

    private static String erasuresOnly() {
        return TYPE + " = '" + EventCodec.typeOf(AccountErased.class) + "'";
    }

    private boolean addForgetter(String subscriber) {
        if (!forgetting || subscriber.endsWith(ERASURES)) {
            return false;
        }
        String forgetter = subscriber + ERASURES;
        if (subscriptions.isSubscribed(forgetter, AccountErased.class)) {
            return false;
        }
        names.checkSubscriber(forgetter);
        subscriptions.add(forgetter, AccountErased.class, erased -> {
            int forgotten = parking.forget(subscriber, ErasedPerson.of(erased));
            log.info("Forgot {} dead letters of {} about erased account {}", forgotten, subscriber, erased.accountId());
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
        for (String subscriber : subscriptions.subscribers()) {
            startConsumers(subscriber, subscriber.endsWith(ERASURES) ? erasuresOnly() : null);
        }
        running = true;
    }

    private void startConsumers(String subscriber, String selector) {
        CountDownLatch stopped = stopping;
        for (int shard = 0; shard < properties.shards(); shard++) {
            if (!serviceBus.consumes(shard)) {
                continue;
            }
            LaneConsumer lane = new LaneConsumer(connections, names.topic(shard), names.subscription(subscriber, shard),
                    selector, subscriber, shard, subscriptions, codec, properties, serviceBus.recoveryInterval(),
                    delay -> !stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS),
                    (message, reason, attempts) -> park(subscriber, message, reason, attempts));
            // The subscription exists once this returns (when the broker is there): events published from now on
            // reach it.
            lane.open();
            lane.start();
            lanes.add(lane);
        }
    }

    private void park(String subscriber, Message message, String reason, int attempts) {
        String type = parking.park(subscriber, message, reason, attempts);
        deadLetterCounter.parked(subscriber, type, reason);
    }

    /** Lets each handler finish the delivery it holds; deliveries not settled go back to the broker. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        stopping.countDown();
        lanes.forEach(LaneConsumer::stop);
        lanes.forEach(LaneConsumer::await);
        lanes.clear();
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
        publisher.close();
        connections.close();
    }

    @Override
    public List<DeadLetter> list(String subscriber, int limit) {
        return parking.list(subscriber, limit);
    }

    @Override
    public boolean redrive(String subscriber, UUID eventId) {
        return parking.redrive(subscriber, eventId);
    }

    EntityNames names() {
        return names;
    }

    /** The broker's connections: one for publishing, one for consuming, opened on first use. */
    static final class Connections implements AutoCloseable {

        private final ConnectionFactory factory;
        private Connection publishing;
        private Connection consuming;

        Connections(ConnectionFactory factory) {
            this.factory = factory;
        }

        /** Publishers apart, so that a broker throttling senders does not stop the consumers that drain it. */
        synchronized Connection publishing() throws JMSException {
            if (publishing == null) {
                publishing = open();
            }
            return publishing;
        }

        synchronized Connection consuming() throws JMSException {
            if (consuming == null) {
                consuming = open();
            }
            return consuming;
        }

        private Connection open() throws JMSException {
            Connection connection = factory.createConnection();
            connection.setExceptionListener(failure -> forget(connection, failure));
            connection.start();
            return connection;
        }

        /** A connection that failed for good (reconnecting gave up) is opened again on next use. */
        private synchronized void forget(Connection connection, JMSException failure) {
            log.warn("Lost the Service Bus connection: {}", Subscriptions.reason(failure));
            if (publishing == connection) {
                publishing = null;
            }
            if (consuming == connection) {
                consuming = null;
            }
            closeQuietly(connection);
        }

        @Override
        public synchronized void close() {
            closeQuietly(publishing);
            closeQuietly(consuming);
            publishing = null;
            consuming = null;
        }

        static void closeQuietly(AutoCloseable closeable) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing {} failed", closeable.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
