package dev.wareg.platform.messaging.servicebus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventBusContract;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The same contract against a real Azure Service Bus namespace, when {@value #VARIABLE} holds a namespace-level
 * connection string (Send, Listen and Manage: a Premium namespace, where JMS 2.0 creates the topics, subscriptions
 * and queues on first use). Skipped, saying so, without it: this machine cannot reach Azure. Each bus has a
 * namespace of its own ({@code t<8 hex>}); what it creates is left behind (delete {@code t*} entities afterwards).
 */
class ServiceBusNamespaceIntegrationTests extends EventBusContract {

    static final String VARIABLE = "WAREG_TEST_SERVICEBUS_CONNECTION_STRING";
    private static final Logger log = LoggerFactory.getLogger(ServiceBusNamespaceIntegrationTests.class);

    private final List<ServiceBusEventBus> buses = new ArrayList<>();

    @BeforeAll
    static void requireANamespace() {
        String connectionString = System.getenv(VARIABLE);
        if (connectionString == null || connectionString.isBlank()) {
            log.warn("SKIPPED: the Service Bus contract against a real namespace did not run: set {} to a"
                    + " namespace-level connection string to run it", VARIABLE);
        }
        assumeTrue(connectionString != null && !connectionString.isBlank(),
                "set " + VARIABLE + " to a Service Bus connection string to run the contract against Azure");
    }

    @Override
    protected EventBus bus(int maxAttempts) {
        ServiceBusProperties serviceBus = new ServiceBusProperties(System.getenv(VARIABLE), null, null, null, null,
                ServiceBusEventBusIntegrationTests.namespace(), 4, 16, Duration.ofSeconds(30), Duration.ofSeconds(5),
                DataSize.ofKilobytes(256), Duration.ofHours(1), 1, 0);
        ServiceBusEventBus bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus),
                ServiceBusEventBusIntegrationTests.messaging(maxAttempts), serviceBus,
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), EventTracing.NONE,
                Clock.systemUTC(), deadLetterCounter());
        buses.add(bus);
        return bus;
    }

    @Override
    protected void started(EventBus bus) {
        ((ServiceBusEventBus) bus).start();
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(ServiceBusEventBus::close);
    }
}
