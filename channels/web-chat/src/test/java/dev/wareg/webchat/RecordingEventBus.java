package dev.wareg.webchat;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import java.util.ArrayList;
import java.util.List;

/** Keeps what is published and who subscribed, for tests that need no delivery. */
final class RecordingEventBus implements EventBus {

    final List<IntegrationEvent> published = new ArrayList<>();
    final List<Class<?>> subscribedTypes = new ArrayList<>();
    final List<String> subscribers = new ArrayList<>();

    @Override
    public void publish(IntegrationEvent event) {
        published.add(event);
    }

    @Override
    public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        subscribers.add(subscriber);
        subscribedTypes.add(type);
    }
}
