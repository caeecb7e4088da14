package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageProducer;
import javax.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages and returns only once the broker accepted them (a persistent JMS send is synchronous: Qpid waits
 * for the broker's {@code accepted} disposition, which Service Bus gives once the message is stored). JMS sessions
 * are single-threaded, so a small pool of them lets that many publishes be in flight at once. A send that fails is
 * tried again, on a new session, until the send timeout; the same message id each time, so that Service Bus's
 * duplicate detection (when enabled on the entity) keeps one copy of a send whose acceptance was lost.
 */
final class Publisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    @FunctionalInterface
    interface MessageBuilder {
        Message build(Session session) throws JMSException;
    }

    /** A topic (events) or a queue (parked dead letters). */
    record Target(String name, boolean queue) {

        static Target topic(String name) {
            return new Target(name, false);
        }

        static Target queue(String name) {
            return new Target(name, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private record Lane(Session session, MessageProducer producer) {
    }

    /** A place in the pool, with its open session or none. */
    private static final class Slot {
        Lane lane;
    }

    private final ServiceBusEventBus.Connections connections;
    /** One per session this process may have; taken while its session sends. */
    private final BlockingQueue<Slot> slots;
    private final Duration timeout;
    private final Clock clock;

    Publisher(ServiceBusEventBus.Connections connections, int sessions, Duration timeout, Clock clock) {
        this.connections = connections;
        this.slots = new ArrayBlockingQueue<>(sessions);
        for (int i = 0; i < sessions; i++) {
            slots.add(new Slot());
        }
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * @param what      names the message in errors (type and id; never content)
     * @param messageId the AMQP message id, or null for a fresh one
     */
    void send(Target destination, String what, UUID messageId, MessageBuilder builder, int deliveryMode,
            long timeToLive) {
        Instant deadline = clock.instant().plus(timeout);
        Exception last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                sendOnce(destination, messageId, builder, deliveryMode, timeToLive, deadline);
                return;
            } catch (JMSException | RuntimeException e) {
                last = e;
                if (clock.instant().isAfter(deadline)) {
                    break;
                }
                log.warn("Publishing {} failed (attempt {}), trying again: {}", what, attempt, Subscriptions.reason(e));
                try {
                    Thread.sleep(Math.min(100L * attempt, 1000L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ServiceBusPublishException("could not publish " + what + " to " + destination + " within " + timeout
                + ": " + (last == null ? "interrupted" : Subscriptions.reason(last)), last);
    }

    private void sendOnce(Target destination, UUID messageId, MessageBuilder builder, int deliveryMode,
            long timeToLive, Instant deadline) throws JMSException {
        Slot slot = take(deadline);
        Lane lane = slot.lane;
        boolean healthy = false;
        try {
            Message message = builder.build(lane.session());
            javax.jms.Destination target = destination.queue() ? lane.session().createQueue(destination.name())
                    : lane.session().createTopic(destination.name());
            if (messageId == null) {
                lane.producer().send(target, message, deliveryMode, Message.DEFAULT_PRIORITY, timeToLive);
            } else {
                ServiceBusConnections.sending(messageId, () ->
                        lane.producer().send(target, message, deliveryMode, Message.DEFAULT_PRIORITY, timeToLive));
            }
            healthy = true;
        } finally {
            give(slot, healthy);
        }
    }

    /** Waits for a free slot; opens its session when it has none (first use, or the last one failed). */
    private Slot take(Instant deadline) throws JMSException {
        Slot slot;
        try {
            slot = slots.poll(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted");
        }
        if (slot == null) {
            throw new JMSException("no publishing session became free in time");
        }
        if (slot.lane == null) {
            try {
                Session session = connections.publishing().createSession(false, Session.AUTO_ACKNOWLEDGE);
                // An anonymous producer: one per session, whatever the destination.
                slot.lane = new Lane(session, session.createProducer(null));
            } catch (JMSException | RuntimeException e) {
                slots.add(slot);
                throw e;
            }
        }
        return slot;
    }

    private void give(Slot slot, boolean healthy) {
        if (!healthy) {
            ServiceBusEventBus.Connections.closeQuietly(slot.lane.session());
            slot.lane = null;
        }
        slots.add(slot);
    }

    @Override
    public void close() {
        List<Slot> all = new ArrayList<>();
        slots.drainTo(all);
        for (Slot slot : all) {
            if (slot.lane != null) {
                ServiceBusEventBus.Connections.closeQuietly(slot.lane.session());
                slot.lane = null;
            }
            slots.add(slot);
        }
    }

    /** A publish that did not reach the broker in time; names the event's type and id, never its content. */
    static final class ServiceBusPublishException extends RuntimeException {

        ServiceBusPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
