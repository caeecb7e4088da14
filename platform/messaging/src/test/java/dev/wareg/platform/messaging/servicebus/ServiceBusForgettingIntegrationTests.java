package dev.wareg.platform.messaging.servicebus;

import static dev.wareg.platform.messaging.EventBusContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Service Bus adapter's dead letters on the embedded AMQP 1.0 broker: they expire after their retention (the
 * message's time-to-live, which Service Bus honours too), and an erasure removes the person's at once.
 */
class ServiceBusForgettingIntegrationTests {

    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-0000000000e2");

    @TempDir
    static Path directory;
    static EmbeddedArtemis broker;
    private final List<ServiceBusEventBus> buses = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedArtemis(directory).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @AfterEach
    void closeBuses() {
        buses.forEach(ServiceBusEventBus::close);
    }

    @Test
    void anErasureRemovesThePersonsDeadLettersAndKeepsTheOthers() throws Exception {
        ServiceBusEventBus bus = bus(Duration.ofDays(7));
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("cannot handle");
        });
        bus.forgetErasedPeople();
        bus.start();
        MessageReceived first = received("5521999990000");
        bus.publish(first);
        bus.publish(received("5511987654321"));
        bus.publish(received("551187654321@s.whatsapp.net"));
        MessageReceived last = received("5521999990001");
        bus.publish(last);
        awaitUntil(() -> bus.list("chat", 10).size() == 4);

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, ACCOUNT, "+5511987654321", null, null));

        awaitUntil(() -> bus.list("chat", 10).size() == 2);
        assertThat(bus.list("chat", 10)).extracting(DeadLetter::eventId)
                .containsExactlyInAnyOrder(first.eventId(), last.eventId());
    }

    @Test
    void deadLettersExpireAfterTheirRetention() throws Exception {
        ServiceBusEventBus bus = bus(Duration.ofSeconds(1));
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("cannot handle");
        });
        bus.start();
        bus.publish(received("5521999990000"));
        awaitUntil(() -> bus.list("chat", 10).size() == 1);

        awaitUntil(() -> bus.list("chat", 10).isEmpty());
    }

    private ServiceBusEventBus bus(Duration deadLetterRetention) {
        ServiceBusProperties serviceBus = ServiceBusProperties.ofUrl(broker.url(),
                ServiceBusEventBusIntegrationTests.namespace()).withDeadLetterRetention(deadLetterRetention);
        ServiceBusEventBus bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus),
                ServiceBusEventBusIntegrationTests.messaging(1), serviceBus,
                new InMemoryProcessedEvents(Duration.ofHours(1), Clock.systemUTC()), EventTracing.NONE,
                Clock.systemUTC(), DeadLetterCounter.NONE);
        buses.add(bus);
        return bus;
    }

    private static MessageReceived received(String sender) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", UUID.randomUUID().toString(),
                sender, "oi", true);
    }
}
