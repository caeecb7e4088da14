package dev.wareg.platform.messaging;

import dev.wareg.contracts.IntegrationEvent;

@FunctionalInterface
public interface EventHandler<E extends IntegrationEvent> {

    void handle(E event) throws Exception;
}
