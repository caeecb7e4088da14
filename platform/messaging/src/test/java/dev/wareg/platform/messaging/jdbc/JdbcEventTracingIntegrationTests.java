package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.EventTracingContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** Traces cross the outbox on a real PostgreSQL: the context is in the stored envelope. */
class JdbcEventTracingIntegrationTests extends EventTracingContract {

    private final TestBuses buses = new TestBuses();

    @Override
    protected EventBus bus(EventTracing tracing) {
        return buses.bus(buses.freshSchema(), 1, TestBuses.POLL, Clock.systemUTC(), tracing);
    }

    @Override
    protected void started(EventBus bus) {
        ((JdbcEventBus) bus).start();
    }

    @Override
    protected String system() {
        return "jdbc";
    }

    @AfterEach
    void close() {
        buses.close();
    }
}
