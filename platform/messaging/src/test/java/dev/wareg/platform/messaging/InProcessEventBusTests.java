package dev.wareg.platform.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class InProcessEventBusTests extends EventBusContract {

    private final List<InProcessEventBus> buses = new ArrayList<>();

    @Override
    protected EventBus bus(int maxAttempts) {
        var bus = new InProcessEventBus(maxAttempts, Clock.systemUTC(), deadLetterCounter());
        buses.add(bus);
        return bus;
    }

    @AfterEach
    void close() throws InterruptedException {
        for (InProcessEventBus bus : buses) {
            bus.close();
        }
    }
}
