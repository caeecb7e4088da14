package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.ErasedPerson;
import dev.wareg.platform.messaging.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.jms.BytesMessage;
import javax.jms.DeliveryMode;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.QueueBrowser;
import javax.jms.Session;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dead letters this bus keeps, one queue per subscriber ({@code <namespace>.<subscriber>.dead-letters}), each
 * with why and after how many attempts it was given up on.
 *
 * <p>Why not Service Bus's own dead-letter queue of the subscription: a receiver can move a message there only with
 * a reason of the broker's format (over AMQP, a {@code rejected} outcome, whose error Qpid JMS does not let a JMS
 * client fill in), and nobody can send to it. Parking the message ourselves, then settling the original, keeps the
 * reason, the attempts and the time, as the other buses do. The subscription's own dead-letter queue
 * ({@link EntityNames#deadLetterQueueOf(String, String)}) still takes what Service Bus gives up on by itself (a
 * message delivered more than the subscription's {@code MaxDeliveryCount}, set above
 * {@code wareg.messaging.max-attempts}); docs/messaging.md says how to look at it.
 *
 * <p>{@link #list} browses the queue (a peek: nothing is locked or counted). {@link #redrive} and {@link #forget}
 * receive the whole queue in peek-lock, settle what they take and leave the rest, which the broker hands out again
 * when the session closes. Each such pass counts as a delivery of the letters left: keep the parking queue's
 * {@code MaxDeliveryCount} high (the emulator's Config.json sets it to 2000).
 */
final class ParkingQueues {

    static final String EVENT_ID = "wareg_event_id";
    static final String REASON = "wareg_dead_letter_reason";
    static final String ATTEMPTS = "wareg_dead_letter_attempts";
    static final String PARKED_AT = "wareg_dead_letter_at";
    /** Set on a re-driven letter: the only subscriber that handles it. */
    static final String REDRIVEN_FOR = "wareg_redriven_for";
    /** At most this many letters are taken in one pass. */
    static final int MAX_LETTERS = 10_000;
    private static final long FIRST_RECEIVE_MILLIS = 2_000;
    private static final long NEXT_RECEIVE_MILLIS = 300;

    private final ServiceBusEventBus.Connections connections;
    private final Publisher publisher;
    private final EntityNames names;
    private final Clock clock;
    private final Duration retention;
    private final JsonMapper json = JsonMapper.builder().build();

    ParkingQueues(ServiceBusEventBus.Connections connections, Publisher publisher, EntityNames names, Clock clock,
            Duration retention) {
        this.connections = connections;
        this.publisher = publisher;
        this.names = names;
        this.clock = clock;
        this.retention = retention;
    }

    /** @return the parked event's type, or {@code unknown} */
    String park(String subscriber, Message original, String reason, int attempts) {
        try {
            byte[] body = LaneConsumer.bodyOf(original);
            String type = orElse(original.getStringProperty(ServiceBusEventBus.TYPE), "unknown");
            String eventId = original.getStringProperty(EVENT_ID);
            int shard = original.propertyExists(ServiceBusEventBus.SHARD)
                    ? original.getIntProperty(ServiceBusEventBus.SHARD) : 0;
            String traceparent = original.getStringProperty(ServiceBusEventBus.TRACEPARENT);
            String tracestate = original.getStringProperty(ServiceBusEventBus.TRACESTATE);
            // A fresh message id: the same event parked again after a re-drive must not be taken for a duplicate.
            publisher.send(Publisher.Target.queue(names.parkingQueue(subscriber)),
                    "dead letter " + type + " " + eventId + " of " + subscriber, null, session -> {
                        BytesMessage letter = session.createBytesMessage();
                        letter.writeBytes(body);
                        letter.setJMSType(type);
                        letter.setStringProperty(ServiceBusEventBus.TYPE, type);
                        letter.setIntProperty(ServiceBusEventBus.SHARD, shard);
                        letter.setStringProperty(EVENT_ID, eventId);
                        if (traceparent != null) {
                            letter.setStringProperty(ServiceBusEventBus.TRACEPARENT, traceparent);
                        }
                        if (tracestate != null) {
                            letter.setStringProperty(ServiceBusEventBus.TRACESTATE, tracestate);
                        }
                        letter.setStringProperty(REASON, reason);
                        letter.setIntProperty(ATTEMPTS, attempts);
                        letter.setLongProperty(PARKED_AT, clock.millis());
                        return letter;
                    }, DeliveryMode.PERSISTENT, retention.isZero() ? Message.DEFAULT_TIME_TO_LIVE : retention.toMillis());
            return type;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message to park: " + Subscriptions.reason(e), e);
        }
    }

    List<DeadLetter> list(String subscriber, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (Session session = connections.consuming().createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueBrowser browser = session.createBrowser(session.createQueue(names.parkingQueue(subscriber)));
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < MAX_LETTERS) {
                letters.add(letterOf(subscriber, (Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the dead letters of " + subscriber + ": "
                    + Subscriptions.reason(e), e);
        }
        return letters.stream().sorted(Comparator.comparing(DeadLetter::deadAt)).limit(limit).toList();
    }

    boolean redrive(String subscriber, UUID eventId) {
        return pass(subscriber, letter -> eventId.toString().equals(letter.getStringProperty(EVENT_ID)), letter -> {
            byte[] body = LaneConsumer.bodyOf(letter);
            String type = letter.getStringProperty(ServiceBusEventBus.TYPE);
            int shard = letter.getIntProperty(ServiceBusEventBus.SHARD);
            String traceparent = letter.getStringProperty(ServiceBusEventBus.TRACEPARENT);
            String tracestate = letter.getStringProperty(ServiceBusEventBus.TRACESTATE);
            // A fresh message id, so that duplicate detection does not drop it as the event published before; the
            // subscribers' processed-event records still know the event id.
            publisher.send(Publisher.Target.topic(names.topic(shard)), "re-driven " + type + " " + eventId, null,
                    session -> {
                        BytesMessage message = session.createBytesMessage();
                        message.writeBytes(body);
                        message.setJMSType(type);
                        message.setStringProperty(ServiceBusEventBus.TYPE, type);
                        message.setIntProperty(ServiceBusEventBus.SHARD, shard);
                        message.setStringProperty(EVENT_ID, eventId.toString());
                        message.setStringProperty(REDRIVEN_FOR, subscriber);
                        if (traceparent != null) {
                            message.setStringProperty(ServiceBusEventBus.TRACEPARENT, traceparent);
                        }
                        if (tracestate != null) {
                            message.setStringProperty(ServiceBusEventBus.TRACESTATE, tracestate);
                        }
                        return message;
                    }, DeliveryMode.PERSISTENT, Message.DEFAULT_TIME_TO_LIVE);
        }, true) > 0;
    }

    int forget(String subscriber, ErasedPerson person) {
        return pass(subscriber, letter -> {
            try {
                return person.isNamedIn(json.readTree(LaneConsumer.bodyOf(letter)));
            } catch (RuntimeException e) {
                return false;
            }
        }, letter -> { }, false);
    }

    @FunctionalInterface
    private interface LetterTest {
        boolean test(Message letter) throws JMSException;
    }

    @FunctionalInterface
    private interface LetterAction {
        void apply(Message letter) throws JMSException;
    }

    /**
     * Takes the parking queue's letters one by one; applies {@code action} to those that pass {@code test} and
     * settles (removes) them; the others go back when the session closes.
     *
     * @return how many letters were settled
     */
    private int pass(String subscriber, LetterTest test, LetterAction action, boolean firstOnly) {
        int settled = 0;
        try (Session session = connections.consuming().createSession(false, LaneConsumer.INDIVIDUAL_ACKNOWLEDGE)) {
            MessageConsumer consumer = session.createConsumer(session.createQueue(names.parkingQueue(subscriber)));
            Message letter = consumer.receive(FIRST_RECEIVE_MILLIS);
            for (int taken = 0; letter != null && taken < MAX_LETTERS; taken++) {
                if (test.test(letter)) {
                    action.apply(letter);
                    letter.acknowledge();
                    settled++;
                    if (firstOnly) {
                        break;
                    }
                }
                letter = consumer.receive(NEXT_RECEIVE_MILLIS);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot go through the dead letters of " + subscriber + ": "
                    + Subscriptions.reason(e), e);
        }
        return settled;
    }

    private static DeadLetter letterOf(String subscriber, Message letter) throws JMSException {
        String eventId = letter.getStringProperty(EVENT_ID);
        return new DeadLetter(subscriber, eventId == null ? null : UUID.fromString(eventId),
                orElse(letter.getStringProperty(ServiceBusEventBus.TYPE), "unknown"),
                letter.propertyExists(ATTEMPTS) ? letter.getIntProperty(ATTEMPTS) : 0,
                orElse(letter.getStringProperty(REASON), "dead-lettered by the broker"),
                letter.propertyExists(PARKED_AT) ? Instant.ofEpochMilli(letter.getLongProperty(PARKED_AT))
                        : Instant.ofEpochMilli(letter.getJMSTimestamp()));
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
