package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventBusContract;
import org.junit.jupiter.api.AfterEach;

/** The bus port's promises, kept by the outbox when the events about people travel sealed (the embedded default). */
class SealedJdbcEventBusIntegrationTests extends EventBusContract {

    private final TestBuses buses = new TestBuses();

    @Override
    protected EventBus bus(int maxAttempts) {
        return buses.sealedBus(buses.freshSchema(), maxAttempts, deadLetterCounter());
    }

    @Override
    protected void started(EventBus bus) {
        ((JdbcEventBus) bus).start();
    }

    @AfterEach
    void close() {
        buses.close();
    }
}
