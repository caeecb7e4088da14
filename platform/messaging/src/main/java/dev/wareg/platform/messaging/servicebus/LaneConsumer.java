package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.Subscriptions;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Duration;
import javax.jms.BytesMessage;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes one subscriber's subscription on one shard topic, on a thread of its own: events of one shard one after
 * another, shards in parallel. Each delivery is received in peek-lock and settled only once its outcome is: handled
 * (or skipped as already handled, or not for this subscriber), or parked as a dead letter.
 *
 * <p>The session acknowledges each message on its own (Qpid JMS's {@code INDIVIDUAL_ACKNOWLEDGE}): JMS's
 * {@code CLIENT_ACKNOWLEDGE} would settle every message the session received so far, including prefetched ones not
 * yet handled.
 *
 * <p>A failing handler is retried here, with the bus's growing delay, while the message stays locked: re-sending it
 * to be delivered later would let the person's next event, already waiting in the same subscription, overtake it.
 * On Service Bus the lock lasts the subscription's {@code LockDuration} (at most 5 minutes) and this client does not
 * renew it: keep the sum of the delays (1 + 2 + 4 + 8 s by default) well below it, or Service Bus hands the message
 * out again meanwhile. Attempts are counted from {@code JMSXDeliveryCount}, so that a consumer that crashed does not
 * start the count again.
 */
final class LaneConsumer {

    private static final Logger log = LoggerFactory.getLogger(LaneConsumer.class);

    /**
     * Qpid JMS's extended session mode that acknowledges one message at a time (documented as a value, 101, the
     * constant being private: <a href="https://qpid.apache.org/releases/qpid-jms-1.11.0/docs/index.html">Qpid JMS
     * configuration</a>, "Extended Session Acknowledgement modes").
     */
    static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    /** How long a receive waits before it looks whether the bus stopped. */
    private static final long RECEIVE_MILLIS = 250;

    @FunctionalInterface
    interface Pause {
        /** Waits for the delay unless the bus stops first; false when it stopped. */
        boolean await(Duration delay) throws InterruptedException;
    }

    @FunctionalInterface
    interface DeadLettering {
        /** Parks the message with its reason, confirmed by the broker; throws when it cannot. */
        void park(Message message, String reason, int attempts);
    }

    private enum Outcome { SETTLED, GIVE_BACK }

    private final ServiceBusEventBus.Connections connections;
    private final String topic;
    private final String subscription;
    private final String selector;
    private final String subscriber;
    private final int shard;
    private final Subscriptions subscriptions;
    private final EventCodec codec;
    private final MessagingProperties properties;
    private final Duration recoveryInterval;
    private final Pause pause;
    private final DeadLettering deadLettering;
    private Session session;
    private MessageConsumer consumer;
    private Thread thread;
    private volatile boolean stopped;

    LaneConsumer(ServiceBusEventBus.Connections connections, String topic, String subscription, String selector,
            String subscriber, int shard, Subscriptions subscriptions, EventCodec codec,
            MessagingProperties properties, Duration recoveryInterval, Pause pause, DeadLettering deadLettering) {
        this.connections = connections;
        this.topic = topic;
        this.subscription = subscription;
        this.selector = selector;
        this.subscriber = subscriber;
        this.shard = shard;
        this.subscriptions = subscriptions;
        this.codec = codec;
        this.properties = properties;
        this.recoveryInterval = recoveryInterval;
        this.pause = pause;
        this.deadLettering = deadLettering;
    }

    /** Creates (or attaches to) the durable subscription now, on the caller's thread; the lane's thread retries. */
    void open() {
        try {
            openSession();
        } catch (JMSException | RuntimeException e) {
            log.warn("{} cannot open its subscription on shard {} yet, will retry: {}", subscriber, shard,
                    Subscriptions.reason(e));
        }
    }

    private void openSession() throws JMSException {
        Session opened = connections.consuming().createSession(false, INDIVIDUAL_ACKNOWLEDGE);
        try {
            javax.jms.Topic destination = opened.createTopic(topic);
            consumer = selector == null ? opened.createSharedDurableConsumer(destination, subscription)
                    : opened.createSharedDurableConsumer(destination, subscription, selector);
            session = opened;
        } catch (JMSException | RuntimeException e) {
            ServiceBusEventBus.Connections.closeQuietly(opened);
            throw e;
        }
    }

    void start() {
        thread = Thread.ofPlatform().name("bus-" + subscription).daemon().start(this::run);
    }

    void stop() {
        stopped = true;
    }

    void await() {
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                if (session == null) {
                    openSession();
                }
                Message message = consumer.receive(RECEIVE_MILLIS);
                if (message == null) {
                    continue;
                }
                if (settle(message) == Outcome.SETTLED) {
                    message.acknowledge();
                } else {
                    // Unsettled messages come again, in their order: at once from this session, or from the broker
                    // to whoever consumes next once the session is closed.
                    session.recover();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (JMSException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                log.warn("{} lost its subscription on shard {}, reopening: {}", subscriber, shard,
                        Subscriptions.reason(e));
                closeSession();
                try {
                    pause.await(recoveryInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closeSession();
    }

    private void closeSession() {
        ServiceBusEventBus.Connections.closeQuietly(session);
        session = null;
        consumer = null;
    }

    private Outcome settle(Message message) throws JMSException, InterruptedException {
        String redrivenFor = message.getStringProperty(ParkingQueues.REDRIVEN_FOR);
        if (redrivenFor != null && !redrivenFor.equals(subscriber)) {
            // Another subscriber's dead letter, re-driven through the shard topic every subscriber shares.
            return Outcome.SETTLED;
        }
        EventCodec.Decoded decoded;
        try {
            decoded = codec.decode(bodyOf(message));
        } catch (EventCodec.ForgottenEvent e) {
            // Its person was erased after it was published: nothing is left to do with it.
            log.info("{} dropped a message from shard {}: {}", subscriber, shard, e.getMessage());
            return Outcome.SETTLED;
        } catch (EventCodec.UnreadableEvent e) {
            log.error("{} cannot read a message from shard {}: {}", subscriber, shard, e.getMessage());
            return park(message, Subscriptions.reason(e), 0);
        }
        String type = EventCodec.typeOf(decoded.event().getClass());
        TraceContext trace = decoded.trace().isEmpty()
                ? new TraceContext(message.getStringProperty(ServiceBusEventBus.TRACEPARENT),
                        message.getStringProperty(ServiceBusEventBus.TRACESTATE))
                : decoded.trace();
        int maxAttempts = properties.maxAttempts();
        int attempt = Math.max(1, deliveryCount(message));
        String reason = "delivered " + (attempt - 1) + " times without an outcome (the consumer stopped or crashed)";
        for (; attempt <= maxAttempts; attempt++) {
            try {
                subscriptions.deliver(subscriber, decoded.event(), trace);
                return Outcome.SETTLED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.GIVE_BACK;
            } catch (Exception e) {
                reason = Subscriptions.reason(e);
                if (!Subscriptions.isRetryable(e)) {
                    log.warn("{} refused {} {} for good: {}", subscriber, type, decoded.event().eventId(), reason);
                    return park(message, reason, attempt);
                }
                log.warn("{} failed to handle {} {} (attempt {} of {}): {}", subscriber, type,
                        decoded.event().eventId(), attempt, maxAttempts, reason);
                if (attempt < maxAttempts && !pause.await(properties.delayAfter(attempt))) {
                    return Outcome.GIVE_BACK;
                }
            }
        }
        int attempts = Math.min(attempt - 1, maxAttempts);
        log.error("{} gave up on {} {} after {} attempts", subscriber, type, decoded.event().eventId(), attempts);
        return park(message, reason, attempts);
    }

    private Outcome park(Message message, String reason, int attempts) throws InterruptedException {
        try {
            deadLettering.park(message, reason, attempts);
            return Outcome.SETTLED;
        } catch (RuntimeException e) {
            // Not parked, so not settled: the message comes again. The pause keeps a broker that refuses for good
            // from being asked in a tight loop.
            log.warn("{} could not park a dead letter from shard {}, giving the message back: {}", subscriber, shard,
                    Subscriptions.reason(e));
            pause.await(properties.retryMaxDelay());
            return Outcome.GIVE_BACK;
        }
    }

    /** 1 on the first delivery; Service Bus and Qpid count redeliveries in it (AMQP {@code delivery-count} + 1). */
    static int deliveryCount(Message message) throws JMSException {
        return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
    }

    static byte[] bodyOf(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.reset();
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof javax.jms.TextMessage text && text.getText() != null) {
            return text.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new EventCodec.UnreadableEvent("not a bytes or text message");
    }
}
