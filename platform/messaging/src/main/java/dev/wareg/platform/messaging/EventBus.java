package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;

/**
 * The one way services exchange events. Adapters (in-process here; JDBC outbox and RabbitMQ in the distributed
 * mode) decide how events travel; domain code only publishes and subscribes.
 *
 * <p>Delivery is at least once. Each subscriber receives its events in publication order, one at a time, across
 * all the event types it subscribed to, so a subscriber never handles two events concurrently.
 */
public interface EventBus {

    /** Hands the event over durably: when this returns, the event will be delivered. */
    void publish(IntegrationEvent event);

    /**
     * Delivers every future event of {@code type} to {@code handler}, on behalf of {@code subscriber} (a stable
     * name such as {@code update-worker}). A handler that throws gets the event again, a bounded number of times.
     */
    <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler);
}
