package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.MessageReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventBusTests extends EventBusContract {

    private final List<InProcessEventBus> buses = new ArrayList<>();

    @Override
    protected EventBus bus(int maxAttempts) {
        var bus = new InProcessEventBus(maxAttempts, Clock.systemUTC(), deadLetterCounter());
        buses.add(bus);
        return bus;
    }

    @Test
    void anErasureTakesThePersonsDeadLettersAndLeavesOthers() throws Exception {
        var bus = (InProcessEventBus) bus(1);
        bus.subscribe("chat", MessageReceived.class, event -> {
            throw new IllegalStateException("cannot handle");
        });
        var other = new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", "m1", "5521999990000", "oi", true);
        bus.publish(other);
        bus.publish(new MessageReceived(UUID.randomUUID(), Instant.now(), "cloud-api", "m2", "5511987654321", "oi",
                true));
        awaitUntil(() -> bus.list("chat", 10).size() == 2);

        bus.publish(new AccountErased(UUID.randomUUID(), Instant.now(), null, UUID.randomUUID(), "+5511987654321",
                null, null));

        assertThat(bus.list("chat", 10)).singleElement().satisfies(letter ->
                assertThat(letter.eventId()).isEqualTo(other.eventId()));
    }

    @AfterEach
    void close() throws InterruptedException {
        for (InProcessEventBus bus : buses) {
            bus.close();
        }
    }
}
