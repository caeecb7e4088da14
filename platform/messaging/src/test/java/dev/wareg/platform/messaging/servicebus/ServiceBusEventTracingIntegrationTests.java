package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.EventTracingContract;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Traces cross the Service Bus adapter, on the embedded AMQP 1.0 broker, in a namespace of their own. */
class ServiceBusEventTracingIntegrationTests extends EventTracingContract {

    @TempDir
    static Path directory;
    static EmbeddedArtemis broker;
    private ServiceBusEventBus bus;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedArtemis(directory).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Override
    protected EventBus bus(EventTracing tracing) {
        ServiceBusProperties serviceBus = ServiceBusProperties.ofUrl(broker.url(),
                ServiceBusEventBusIntegrationTests.namespace());
        bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus),
                ServiceBusEventBusIntegrationTests.messaging(1), serviceBus,
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), tracing, Clock.systemUTC(),
                dev.wareg.platform.messaging.DeadLetterCounter.NONE);
        return bus;
    }

    @Override
    protected void started(EventBus bus) {
        ((ServiceBusEventBus) bus).start();
    }

    @Override
    protected String system() {
        return "azure_service_bus";
    }

    @AfterEach
    void closeBus() {
        if (bus != null) {
            bus.close();
        }
    }
}
