package dev.wareg.platform.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WakeupsTests {

    private final Wakeups wakeups = new Wakeups();
    private final Wakeup chat0 = wakeups.add("chat-service");
    private final Wakeup chat1 = wakeups.add("chat-service");
    private final Wakeup worker0 = wakeups.add("update-worker");

    @Test
    void aLaneWakesOnlyTheWorkerThatSweepsIt() {
        long chat0Before = chat0.generation();
        long chat1Before = chat1.generation();
        long workerBefore = worker0.generation();

        wakeups.lane("chat-service", 5);

        assertThat(chat1.generation()).isEqualTo(chat1Before + 1);
        assertThat(chat0.generation()).isEqualTo(chat0Before);
        assertThat(worker0.generation()).isEqualTo(workerBefore);
    }

    @Test
    void aSubscriberThisProcessDoesNotRunWakesNobody() {
        long before = chat0.generation() + chat1.generation() + worker0.generation();

        wakeups.lane("cloud-api", 0);

        assertThat(chat0.generation() + chat1.generation() + worker0.generation()).isEqualTo(before);
    }

    @Test
    void everyWorkerWakesWhenNoLaneIsNamed() {
        long before = chat0.generation() + chat1.generation() + worker0.generation();

        wakeups.all();

        assertThat(chat0.generation() + chat1.generation() + worker0.generation()).isEqualTo(before + 3);
    }
}
