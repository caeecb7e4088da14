package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final ServiceBusEventBus.Connections connections;
    private final BlockingQueue<Lane> idle;
    private final BlockingQueue<Boolean> permits;
    private final Duration timeout;
    private final Clock clock;

    Publisher(ServiceBusEventBus.Connections connections, int sessions, Duration timeout, Clock clock) {
        this.connections = connections;
        this.idle = new ArrayBlockingQueue<>(sessions);
        this.permits = new ArrayBlockingQueue<>(sessions);
        for (int i = 0; i < sessions; i++) {
            permits.add(Boolean.TRUE);
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
        Lane lane = take(deadline);
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
            give(lane, healthy);
        }
    }

    private Lane take(Instant deadline) throws JMSException {
        Lane lane = idle.poll();
        if (lane != null) {
            return lane;
        }
        try {
            Boolean permit = permits.poll(Math.max(1, Duration.between(clock.instant(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS);
            if (permit == null) {
                lane = idle.poll();
                if (lane != null) {
                    return lane;
                }
                throw new JMSException("no publishing session became free in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted");
        }
        try {
            Session session = connections.publishing().createSession(false, Session.AUTO_ACKNOWLEDGE);
            // An anonymous producer: one per session, whatever the destination.
            return new Lane(session, session.createProducer(null));
        } catch (JMSException | RuntimeException e) {
            permits.add(Boolean.TRUE);
            throw e;
        }
    }

    private void give(Lane lane, boolean healthy) {
        if (healthy) {
            idle.add(lane);
        } else {
            ServiceBusEventBus.Connections.closeQuietly(lane.session());
            permits.add(Boolean.TRUE);
        }
    }

    @Override
    public void close() {
        Lane lane;
        while ((lane = idle.poll()) != null) {
            ServiceBusEventBus.Connections.closeQuietly(lane.session());
            permits.add(Boolean.TRUE);
        }
    }

    /** A publish that did not reach the broker in time; names the event's type and id, never its content. */
    static final class ServiceBusPublishException extends RuntimeException {

        ServiceBusPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
