package dev.wareg.platform.messaging.servicebus;

import java.util.regex.Pattern;

/**
 * The Service Bus entities the bus uses, and the limits Azure puts on their names
 * (<a href="https://learn.microsoft.com/azure/service-bus-messaging/service-bus-quotas">quotas</a>): topic and queue
 * names up to 260 characters of letters, digits, '.', '-', '_' (and '/'), starting and ending with a letter or digit;
 * subscription names up to 50 characters of the same, without '/'. Names are checked when the bus starts, so that a
 * long subscriber name fails there rather than on Azure, where the embedded test broker would have accepted it.
 *
 * <ul>
 *   <li>Topic per shard: {@code <namespace>.events.<shard>}. One person's events of every type travel in one
 *   topic, so a subscriber sees them in publication order (see docs/messaging.md for why not a topic per type).</li>
 *   <li>Subscription per subscriber on each shard topic: {@code <namespace>.<subscriber>.<shard>}; unique across
 *   topics too, because a JMS shared durable subscription is named broker-wide on some brokers (Artemis).</li>
 *   <li>A parking queue per subscriber for the dead letters the bus keeps, with their reason:
 *   {@code <namespace>.<subscriber>.dead-letters}.</li>
 * </ul>
 */
final class EntityNames {

    static final int MAX_ENTITY = 260;
    static final int MAX_SUBSCRIPTION = 50;
    /**
     * What Service Bus appends to a JMS shared durable subscription's name when it creates it ({@code $$D}); the
     * subscription entity's name must still fit in {@link #MAX_SUBSCRIPTION}.
     */
    static final String SHARED_DURABLE_SUFFIX = "$$D";

    private static final Pattern ENTITY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?");
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");

    private final String namespace;
    private final int shards;

    EntityNames(String namespace, int shards) {
        this.namespace = namespace;
        this.shards = shards;
        checkEntity(topic(shards - 1));
    }

    String topic(int shard) {
        return namespace + ".events." + shard;
    }

    String subscription(String subscriber, int shard) {
        return namespace + "." + subscriber + "." + shard;
    }

    String parkingQueue(String subscriber) {
        return namespace + "." + subscriber + ".dead-letters";
    }

    /** Checks every name {@code subscriber} will use, before anything is created. */
    void checkSubscriber(String subscriber) {
        checkSubscription(subscription(subscriber, shards - 1));
        checkEntity(parkingQueue(subscriber));
    }

    /** Service Bus's own dead-letter queue of a queue (or a topic's, which only holds what expired in it). */
    static String deadLetterQueueOf(String entity) {
        return entity + "/$DeadLetterQueue";
    }

    /** Service Bus's own dead-letter queue of a subscription: where it moves a message delivered too often. */
    static String deadLetterQueueOf(String topic, String subscription) {
        return topic + "/Subscriptions/" + subscription + "/$DeadLetterQueue";
    }

    static void checkEntity(String name) {
        if (name.length() > MAX_ENTITY || !ENTITY.matcher(name).matches() || name.contains("//")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid Service Bus queue or topic name: at most "
                    + MAX_ENTITY + " letters, digits, '.', '-', '_' or '/', starting and ending with a letter or digit");
        }
    }

    static void checkSubscription(String name) {
        if (name.length() + SHARED_DURABLE_SUFFIX.length() > MAX_SUBSCRIPTION || !SUBSCRIPTION.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid Service Bus subscription name: at most "
                    + (MAX_SUBSCRIPTION - SHARED_DURABLE_SUFFIX.length()) + " letters, digits, '.', '-' or '_'"
                    + " (Service Bus adds " + SHARED_DURABLE_SUFFIX + "), starting and ending with a letter or digit;"
                    + " shorten wareg.messaging.servicebus.namespace or the subscriber's name");
        }
    }
}
