package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;

/**
 * The one way services exchange events. Adapters (in-process, JDBC outbox on PostgreSQL, RabbitMQ) decide how
 * events travel; domain code only publishes and subscribes.
 *
 * <p>What every adapter promises ({@code EventBusContract} checks it):
 * <ul>
 *   <li>Delivery is at least once, and a subscriber handles each event id once: a redelivered or republished
 *   event that the subscriber already handled is skipped ({@link ProcessedEvents}).</li>
 *   <li>A subscriber handles events with the same {@link IntegrationEvent#orderingKey()} in publication order,
 *   one at a time; events with other keys may be handled in parallel.</li>
 *   <li>A handler that throws gets the event again, a bounded number of times with a growing delay; then the
 *   event becomes a dead letter ({@link DeadLetters}) and the subscriber goes on with the next one.</li>
 * </ul>
 */
public interface EventBus {

    /** Hands the event over durably: when this returns, the event will be delivered. */
    void publish(IntegrationEvent event);

    /**
     * Delivers every future event of {@code type} to {@code handler}, on behalf of {@code subscriber} (a stable
     * name such as {@code update-worker}; every instance of a service uses the same name and they share the work).
     */
    <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler);
}
