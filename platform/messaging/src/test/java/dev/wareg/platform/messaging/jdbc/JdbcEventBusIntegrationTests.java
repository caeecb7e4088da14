package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import dev.wareg.platform.messaging.EventBusContract;
import org.junit.jupiter.api.AfterEach;

/** The bus port's promises, kept by the outbox on a real PostgreSQL. */
class JdbcEventBusIntegrationTests extends EventBusContract {

    private final TestBuses buses = new TestBuses();

    @Override
    protected EventBus bus(int maxAttempts) {
        return buses.bus(buses.freshSchema(), maxAttempts, TestBuses.POLL, Clock.systemUTC(), deadLetterCounter());
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
