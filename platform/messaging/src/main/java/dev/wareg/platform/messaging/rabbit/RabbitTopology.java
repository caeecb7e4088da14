package dev.wareg.platform.messaging.rabbit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The names and shape of everything the bus declares. Events go to one topic exchange with the routing key
 * {@code <Type>.<shard>}; each subscriber owns one quorum queue per shard, bound with that key for each type it
 * handles, and one dead-letter queue. The ordering key (it may hold a phone number) never appears in a name or
 * key: only the shard number derived from it does. A companion subscriber that forgets erased people ({@link #ERASURES})
 * needs no order, so it has a single queue bound to every shard: a broker holds a Raft group per quorum queue, and
 * those companions would otherwise double their number.
 *
 * <p>Queue arguments cannot change once a queue exists (the broker refuses a redeclaration with other
 * arguments), so any change here needs a migration of the live queues.
 */
record RabbitTopology(String namespace, int shards, Duration deadLetterRetention) {

    private static final Logger log = LoggerFactory.getLogger(RabbitTopology.class);

    static final String QUEUE_TYPE = "x-queue-type";

    /** The suffix of the subscriber that forgets erased people in another subscriber's dead letters. */
    static final String ERASURES = "-erasures";

    RabbitTopology(String namespace, int shards) {
        this(namespace, shards, Duration.ZERO);
    }

    /**
     * A dead letter is kept for the retention, then dropped by the broker (quorum queues honour message TTLs since
     * RabbitMQ 3.10; the dead-letter queue has no dead-letter exchange of its own, so an expired letter is gone).
     */
    Map<String, Object> deadLetterQueueArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put(QUEUE_TYPE, "quorum");
        if (deadLetterRetention.isPositive()) {
            arguments.put("x-message-ttl", deadLetterRetention.toMillis());
        }
        return arguments;
    }

    String eventsExchange() {
        return namespace + ".events";
    }

    String deadLetterExchange() {
        return namespace + ".dead-letters";
    }

    String queue(String subscriber, int shard) {
        return namespace + "." + subscriber + "." + shard;
    }

    String deadLetterQueue(String subscriber) {
        return namespace + "." + subscriber + ".dead-letters";
    }

    static String routingKey(String type, int shard) {
        return type + "." + shard;
    }

    /** How many queues the subscriber has: one a shard, or one in all for a subscriber that needs no order. */
    int shardsOf(String subscriber) {
        return subscriber.endsWith(ERASURES) ? 1 : shards;
    }

    List<String> queues(String subscriber) {
        List<String> queues = new ArrayList<>();
        for (int shard = 0; shard < shardsOf(subscriber); shard++) {
            queues.add(queue(subscriber, shard));
        }
        return queues;
    }

    /**
     * The subscriber's dead-letter queue, with the retention. One declared before the retention existed keeps its
     * arguments (the broker refuses to change them and closes the channel): it is then used as it is, without the
     * retention, and the log says so; docs/messaging.md tells how to give it one (a policy, or draining and deleting
     * it once).
     */
    private Queue declareDeadLetters(AmqpAdmin admin, String subscriber) {
        Queue withRetention = new Queue(deadLetterQueue(subscriber), true, false, false, deadLetterQueueArguments());
        try {
            admin.declareQueue(withRetention);
            return withRetention;
        } catch (AmqpException refused) {
            if (!deadLetterRetention.isPositive()) {
                throw refused;
            }
            Queue asItIs = new Queue(deadLetterQueue(subscriber), true, false, false, Map.of(QUEUE_TYPE, "quorum"));
            admin.declareQueue(asItIs);
            log.warn("Dead-letter queue {} exists without a retention and keeps none; see docs/messaging.md",
                    asItIs.getName());
            return asItIs;
        }
    }

    /** Idempotent: declaring what exists with the same arguments changes nothing. */
    void declare(AmqpAdmin admin, String subscriber, Set<String> types) {
        admin.declareExchange(new TopicExchange(eventsExchange(), true, false));
        admin.declareExchange(new DirectExchange(deadLetterExchange(), true, false));
        Queue deadLetters = declareDeadLetters(admin, subscriber);
        admin.declareBinding(BindingBuilder.bind(deadLetters).to(new DirectExchange(deadLetterExchange()))
                .with(subscriber));
        int queues = shardsOf(subscriber);
        for (int shard = 0; shard < queues; shard++) {
            Queue queue = new Queue(queue(subscriber, shard), true, false, false, Map.of(
                    QUEUE_TYPE, "quorum",
                    // Several instances of a service consume the same queues; one at a time per queue keeps the
                    // shard's order, and another takes over when it goes away.
                    "x-single-active-consumer", true,
                    // What the broker itself gives up on (a quorum queue's delivery limit, which RabbitMQ 4 sets
                    // by default) lands with the subscriber's dead letters instead of being dropped.
                    "x-dead-letter-exchange", deadLetterExchange(),
                    "x-dead-letter-routing-key", subscriber));
            admin.declareQueue(queue);
            for (String type : types) {
                admin.declareBinding(new Binding(queue.getName(), Binding.DestinationType.QUEUE, eventsExchange(),
                        queues == shards ? routingKey(type, shard) : type + ".*", null));
            }
        }
    }
}
