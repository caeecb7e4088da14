package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events travel inside the JVM: each subscriber has one thread that handles its events in publication order.
 * Nothing survives a restart, so this adapter is for tests and the embedded default's in-process mode only.
 * A handler that keeps failing has the event dropped after {@code maxAttempts}, with an error log line that
 * names the event's type and id (never its content).
 */
public final class InProcessEventBus implements EventBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final int maxAttempts;
    private final Map<String, ExecutorService> subscriberThreads = new ConcurrentHashMap<>();
    private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();

    public InProcessEventBus(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void publish(IntegrationEvent event) {
        for (Subscription<?> subscription : subscriptions) {
            if (subscription.type().isInstance(event)) {
                subscriberThreads.get(subscription.subscriber()).execute(() -> deliver(subscription, event));
            }
        }
    }

    @Override
    public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        subscriberThreads.computeIfAbsent(subscriber, name -> Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("bus-" + name).daemon(true).factory()));
        subscriptions.add(new Subscription<>(subscriber, type, handler));
    }

    private <E extends IntegrationEvent> void deliver(Subscription<E> subscription, IntegrationEvent event) {
        E typed = subscription.type().cast(event);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                subscription.handler().handle(typed);
                return;
            } catch (Exception e) {
                log.warn("{} failed to handle {} {} (attempt {} of {}): {}", subscription.subscriber(),
                        event.getClass().getSimpleName(), event.eventId(), attempt, maxAttempts,
                        e.getClass().getName());
            }
        }
        log.error("{} gave up on {} {} after {} attempts", subscription.subscriber(),
                event.getClass().getSimpleName(), event.eventId(), maxAttempts);
    }

    /** Lets handlers finish what they were given, for a clean shutdown. */
    @Override
    public void close() throws InterruptedException {
        for (ExecutorService thread : subscriberThreads.values()) {
            thread.shutdown();
        }
        for (ExecutorService thread : subscriberThreads.values()) {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private record Subscription<E extends IntegrationEvent>(String subscriber, Class<E> type, EventHandler<E> handler) {
    }
}
