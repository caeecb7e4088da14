package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The dead-letter count's tags: the reason's class from the reason the buses record, and no foreign type. */
class DeadLetterCounterTests {

    @Test
    void theReasonClassIsReadFromTheReasonAsTheBusesRecordIt() {
        assertThat(DeadLetterCounter.reasonClass(Subscriptions.reason(
                new PermanentFailure("CONFLICT: account-api answered 409")))).isEqualTo("permanent");
        assertThat(DeadLetterCounter.reasonClass(Subscriptions.reason(
                new EventCodec.UnreadableEvent("version 9 of MessageReceived")))).isEqualTo("unreadable");
        assertThat(DeadLetterCounter.reasonClass(Subscriptions.reason(
                new IllegalStateException("boom", new UncheckedIOException(new java.io.IOException())))))
                .isEqualTo("exhausted");
        assertThat(DeadLetterCounter.reasonClass(DeadLetterCounter.NO_HANDLER + "MessageReceived in this process"))
                .isEqualTo("no-handler");
        assertThat(DeadLetterCounter.reasonClass(
                "delivered 3 times without an outcome (the consumer stopped or crashed)")).isEqualTo("exhausted");
    }

    @Test
    void aTypeNoReaderKnowsIsCountedAsUnknownSoTheTagSetStaysClosed() {
        var meters = new SimpleMeterRegistry();
        var counter = new DeadLetterCounter(meters);
        counter.parked("chat-service", "MessageReceived", "PermanentFailure: refused");
        counter.parked("chat-service", "+5511987654321", "java.lang.IllegalStateException");
        counter.parked("chat-service", null, "UnreadableEvent: not JSON");

        assertThat(meters.get(DeadLetterCounter.NAME)
                .tags("subscriber", "chat-service", "type", "MessageReceived", "reason", "permanent").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(DeadLetterCounter.NAME).tags("type", "unknown").counters()).hasSize(2);
    }

    @Test
    void withoutARegistryNothingIsCounted() {
        DeadLetterCounter.NONE.parked("chat-service", "MessageReceived", "PermanentFailure: refused");
    }
}
