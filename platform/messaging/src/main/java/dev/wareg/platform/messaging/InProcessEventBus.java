package dev.wareg.platform.messaging;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.IntegrationEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events travel inside the JVM: each subscriber has one thread that handles its events in publication order.
 * Nothing survives a restart, so this adapter is for tests and a throw-away embedded run only. Retries follow at
 * once; an event that fails {@code maxAttempts} times becomes a dead letter, kept in memory.
 */
public final class InProcessEventBus implements EventBus, DeadLetters, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final int maxAttempts;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final Map<String, ExecutorService> subscriberThreads = new ConcurrentHashMap<>();
    private final List<Parked> deadLetters = new CopyOnWriteArrayList<>();
    private final DeadLetterCounter deadLetterCounter;
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    public InProcessEventBus(int maxAttempts, Clock clock) {
        this(maxAttempts, clock, DeadLetterCounter.NONE);
    }

    public InProcessEventBus(int maxAttempts, Clock clock, DeadLetterCounter deadLetterCounter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.deadLetterCounter = deadLetterCounter;
        this.subscriptions = new Subscriptions(new InMemoryProcessedEvents(Duration.ofDays(1), clock), EventTracing.NONE,
                MessagingProperties.Bus.IN_PROCESS);
    }

    @Override
    public void publish(IntegrationEvent event) {
        if (event instanceof AccountErased erased) {
            forget(ErasedPerson.of(erased));
        }
        for (String subscriber : subscriptions.subscribers()) {
            if (subscriptions.isSubscribed(subscriber, event.getClass())) {
                subscriberThreads.get(subscriber).execute(() -> deliver(subscriber, event));
            }
        }
    }

    @Override
    public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        subscriberThreads.computeIfAbsent(subscriber, name -> Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("bus-" + name).daemon(true).factory()));
        subscriptions.add(subscriber, type, handler);
        deadLetterCounter.expect(subscriber, EventCodec.typeOf(type));
    }

    private void deliver(String subscriber, IntegrationEvent event) {
        String type = EventCodec.typeOf(event.getClass());
        int attempt = 0;
        Exception failure;
        do {
            attempt++;
            try {
                subscriptions.deliver(subscriber, event, TraceContext.NONE);
                return;
            } catch (Exception e) {
                failure = e;
                log.warn("{} failed to handle {} {} (attempt {} of {}): {}", subscriber, type, event.eventId(),
                        attempt, maxAttempts, Subscriptions.reason(e));
            }
        } while (attempt < maxAttempts && Subscriptions.isRetryable(failure));
        log.error("{} gave up on {} {} after {} attempts", subscriber, type, event.eventId(), attempt);
        deadLetters.add(new Parked(event, new DeadLetter(subscriber, event.eventId(), type, attempt,
                Subscriptions.reason(failure), clock.instant())));
        deadLetterCounter.parked(subscriber, type, Subscriptions.reason(failure));
    }

    @Override
    public List<DeadLetter> list(String subscriber, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        for (Parked parked : deadLetters) {
            if (parked.letter().subscriber().equals(subscriber) && found.size() < limit) {
                found.add(parked.letter());
            }
        }
        return found;
    }

    @Override
    public boolean redrive(String subscriber, UUID eventId) {
        for (Parked parked : deadLetters) {
            DeadLetter letter = parked.letter();
            if (letter.subscriber().equals(subscriber) && letter.eventId().equals(eventId)
                    && deadLetters.remove(parked)) {
                subscriberThreads.get(subscriber).execute(() -> deliver(subscriber, parked.event()));
                return true;
            }
        }
        return false;
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

    /** The person's dead letters go with their account, like the durable buses' (see docs/messaging.md). */
    private void forget(ErasedPerson person) {
        deadLetters.removeIf(parked -> person.isNamedIn(json.readTree(codec.encode(parked.event(), TraceContext.NONE))));
    }

    private record Parked(IntegrationEvent event, DeadLetter letter) {
    }
}
