package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bus for the channels' tests (in this module's test jar): keeps what is published, from any thread, and can be
 * made to fail, as a broker that is down. Nothing is delivered and there are no dead letters.
 */
public final class RecordingEventBus implements EventBus, DeadLetters {

    public final List<IntegrationEvent> published = new CopyOnWriteArrayList<>();
    public volatile boolean failing;

    @Override
    public void publish(IntegrationEvent event) {
        if (failing) {
            throw new IllegalStateException("the bus is down");
        }
        published.add(event);
    }

    @Override
    public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
    }

    @Override
    public List<DeadLetter> list(String subscriber, int limit) {
        return List.of();
    }

    @Override
    public boolean redrive(String subscriber, UUID eventId) {
        return false;
    }

    /** What was published, read as the messages a channel publishes. */
    public List<MessageReceived> messages() {
        return published.stream().map(MessageReceived.class::cast).toList();
    }
}
