package dev.wareg.platform.messaging.rabbit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.ErasedPerson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each subscriber's dead letters, kept in its quorum queue {@code <namespace>.<subscriber>.dead-letters}: the
 * original message, with headers that say why, after how many attempts, and where it came from.
 *
 * <p>RabbitMQ queues cannot be browsed. Reading one here means taking messages without acknowledging them and
 * then giving them all back ({@code basic.nack} with requeue) in their order. Every read takes the whole queue,
 * which keeps the order (see {@link #holdingAll}). The trade-offs, acceptable for a parking lot that an operator
 * reads: a read costs as much as the queue is deep, while it is under way the messages it holds are invisible to
 * another read (and to another instance's), and each read counts as a delivery in the message's
 * {@code x-delivery-count} (harmless: the dead-letter queue sets no delivery limit). A stream would be browsable,
 * but a message cannot be removed from a stream, which a redrive must do.
 */
final class DeadLetterQueues {

    static final String REASON = "wareg-dead-letter-reason";
    static final String ATTEMPTS = "wareg-dead-letter-attempts";
    static final String SUBSCRIBER = "wareg-dead-letter-subscriber";
    static final String DEAD_AT = "wareg-dead-letter-at";
    /** The shard queue the message came from, which a redrive sends it back to. */
    static final String FROM_QUEUE = "wareg-dead-letter-queue";

    /** Headers the broker adds when it dead-letters a message itself (delivery limit, rejection). */
    private static final String BROKER_FIRST_DEATH_QUEUE = "x-first-death-queue";
    private static final String BROKER_FIRST_DEATH_REASON = "x-first-death-reason";

    /** A bound on the memory one read takes; a deeper queue is read only this far, and its order may turn. */
    private static final int MOST_HELD = 10_000;

    private final RabbitTemplate template;
    private final ConfirmedPublisher publisher;
    private final RabbitTopology topology;
    private final Clock clock;
    private final DeadLetterCounter counter;
    private final MessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();
    private final JsonMapper json = JsonMapper.builder().build();

    DeadLetterQueues(RabbitTemplate template, ConfirmedPublisher publisher, RabbitTopology topology, Clock clock,
                     DeadLetterCounter counter) {
        this.counter = counter;
        this.template = template;
        this.publisher = publisher;
        this.topology = topology;
        this.clock = clock;
    }

    /** Returns once the dead letter is confirmed, so the caller may acknowledge the original. */
    void park(String subscriber, Message original, String fromQueue, String reason, int attempts) {
        MessageProperties source = original.getMessageProperties();
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(idOf(source).toString());
        properties.setType(source.getType());
        properties.setContentType(source.getContentType());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        copyHeader(source, properties, "traceparent");
        copyHeader(source, properties, "tracestate");
        properties.setHeader(REASON, reason);
        properties.setHeader(ATTEMPTS, attempts);
        properties.setHeader(SUBSCRIBER, subscriber);
        properties.setHeader(DEAD_AT, clock.instant().toString());
        properties.setHeader(FROM_QUEUE, fromQueue);
        publisher.send(topology.deadLetterExchange(), subscriber, new Message(original.getBody(), properties), true,
                "the dead letter " + properties.getMessageId() + " of " + subscriber);
        counter.parked(subscriber, source.getType(), reason);
    }

    /**
     * Oldest first by when each was parked: the order the broker hands them out in is not to be relied on, since a
     * quorum queue applies the returns of an earlier read a moment later.
     */
    synchronized List<DeadLetter> list(String subscriber, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        holdingAll(subscriber, (channel, held) -> {
            for (GetResponse response : held) {
                found.add(letterOf(subscriber, propertiesOf(response)));
            }
        });
        found.sort(Comparator.comparing(DeadLetter::deadAt));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /** Sends the dead letter back to the shard queue it came from, then removes it from the dead-letter queue. */
    synchronized boolean redrive(String subscriber, UUID eventId) {
        boolean[] redriven = {false};
        holdingAll(subscriber, (channel, held) -> {
            for (var iterator = held.iterator(); iterator.hasNext() && !redriven[0]; ) {
                GetResponse response = iterator.next();
                MessageProperties properties = propertiesOf(response);
                if (!eventId.equals(idOf(properties))) {
                    continue;
                }
                String fromQueue = fromQueue(properties);
                if (fromQueue == null) {
                    throw new AmqpException("dead letter " + eventId + " of " + subscriber
                            + " does not say which queue it came from");
                }
                // Confirmed before the dead letter goes: a crash in between leaves a copy in both queues, which
                // the subscriber's processed events turn into one handling.
                publisher.send("", fromQueue, new Message(response.getBody(), redriven(properties)), true,
                        "the redriven event " + eventId + " of " + subscriber);
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                iterator.remove();
                redriven[0] = true;
            }
        });
        return redriven[0];
    }

    /**
     * Removes the person's dead letters from the subscriber's queue, giving the others back in their order.
     *
     * @return how many were removed
     */
    synchronized int forget(String subscriber, ErasedPerson person) {
        int[] forgotten = {0};
        holdingAll(subscriber, (channel, held) -> {
            for (var iterator = held.iterator(); iterator.hasNext(); ) {
                GetResponse response = iterator.next();
                if (names(person, response.getBody())) {
                    channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                    iterator.remove();
                    forgotten[0]++;
                }
            }
        });
        return forgotten[0];
    }

    /** A body that is no JSON (not from this bus) is the person's when it holds one of their phone forms at all. */
    private boolean names(ErasedPerson person, byte[] body) {
        try {
            return person.isNamedIn(json.readTree(body));
        } catch (JacksonException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return person.phoneDigits().stream().anyMatch(text::contains) || text.contains(person.accountId());
        }
    }

    @FunctionalInterface
    private interface HeldMessages {
        void use(Channel channel, List<GetResponse> held) throws IOException;
    }

    /**
     * Takes every message the dead-letter queue holds now, unacknowledged, and gives back the ones {@code use}
     * leaves, oldest first. Taking all of them, not just the ones needed, keeps the order whether the broker
     * requeues returned messages at the head of the queue or at its tail (RabbitMQ 3.10's quorum queues do the
     * latter for {@code basic.get}): a full turn puts them back where they were. Letters parked during the turn may end up ahead of older ones.
     */
    private void holdingAll(String subscriber, HeldMessages use) {
        String queue = topology.deadLetterQueue(subscriber);
        template.execute(channel -> {
            if (!exists(channel, queue)) {
                return null;
            }
            // Until the queue runs dry rather than up to its reported depth: a quorum queue counts messages that
            // a read just gave back only some moments later.
            List<GetResponse> held = new ArrayList<>();
            try {
                for (int i = 0; i < MOST_HELD; i++) {
                    GetResponse response = channel.basicGet(queue, false);
                    if (response == null) {
                        break;
                    }
                    held.add(response);
                }
                use.use(channel, held);
            } finally {
                giveBack(channel, held);
            }
            return null;
        });
    }

    private static boolean exists(Channel channel, String queue) {
        try {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            // The broker closed the channel (404): the subscriber never ran here, so it has no dead letters.
            return false;
        }
    }

    /** One by one, oldest first: the broker requeues them in the order they come back. */
    private static void giveBack(Channel channel, List<GetResponse> held) throws IOException {
        for (GetResponse response : held) {
            if (!channel.isOpen()) {
                return;
            }
            channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
        }
    }

    private MessageProperties propertiesOf(GetResponse response) {
        return converter.toMessageProperties(response.getProps(), response.getEnvelope(), "UTF-8");
    }

    private DeadLetter letterOf(String subscriber, MessageProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        String reason = headers.get(REASON) instanceof Object value ? value.toString()
                : "dead-lettered by the broker: " + headers.getOrDefault(BROKER_FIRST_DEATH_REASON, "unknown");
        int attempts = headers.get(ATTEMPTS) instanceof Number number ? number.intValue()
                : headers.get(ShardConsumer.DELIVERY_COUNT) instanceof Number count ? count.intValue() : 0;
        return new DeadLetter(subscriber, idOf(properties), properties.getType(), attempts, reason,
                deadAt(headers.get(DEAD_AT), properties));
    }

    private static Instant deadAt(Object header, MessageProperties properties) {
        if (header != null) {
            try {
                return Instant.parse(header.toString());
            } catch (DateTimeParseException e) {
                // fall through to the broker's time
            }
        }
        return properties.getTimestamp() == null ? Instant.EPOCH : properties.getTimestamp().toInstant();
    }

    private static String fromQueue(MessageProperties properties) {
        Object queue = properties.getHeader(FROM_QUEUE);
        if (queue == null) {
            queue = properties.getHeader(BROKER_FIRST_DEATH_QUEUE);
        }
        return queue == null ? null : queue.toString();
    }

    /** What the event goes back with: the original message, its attempts counted afresh. */
    private static MessageProperties redriven(MessageProperties dead) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(dead.getMessageId());
        properties.setType(dead.getType());
        properties.setContentType(dead.getContentType());
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        copyHeader(dead, properties, "traceparent");
        copyHeader(dead, properties, "tracestate");
        return properties;
    }

    /**
     * Every message the bus publishes has its event id as message id. A message from elsewhere whose id is not a
     * UUID gets one derived from that id, stable across listings, so that it can still be redriven; one without
     * any id is listed under the nil UUID.
     */
    private static UUID idOf(MessageProperties properties) {
        String id = properties.getMessageId();
        if (id != null) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return new UUID(0, 0);
    }

    private static void copyHeader(MessageProperties from, MessageProperties to, String name) {
        Object value = from.getHeader(name);
        if (value != null) {
            to.setHeader(name, value.toString());
        }
    }
}
