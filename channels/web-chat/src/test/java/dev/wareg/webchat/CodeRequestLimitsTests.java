package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodeRequestLimitsTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final CodeRequestLimits limits = new CodeRequestLimits(3, 10, Duration.ofMinutes(15), 100, clock);

    @Test
    void allowsAFewCodesPerNumberThenSaysWhenToComeBack() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire(ANA, "10.0.0." + i)).isEmpty();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(limits.acquire(ANA, "10.0.0.9")).contains(Duration.ofMinutes(12));
        assertThat(limits.acquire(BRUNO, "10.0.0.9")).as("another number").isEmpty();
    }

    @Test
    void allowsAFewCodesPerClientWhateverTheNumbers() {
        for (int i = 0; i < 10; i++) {
            assertThat(limits.acquire("+55119876543" + (10 + i), "10.0.0.1")).isEmpty();
        }

        assertThat(limits.acquire(ANA, "10.0.0.1")).contains(Duration.ofMinutes(15));
        assertThat(limits.acquire(ANA, "10.0.0.2")).as("another client").isEmpty();
    }

    @Test
    void aRefusedRequestIsNotCounted() {
        for (int i = 0; i < 3; i++) {
            limits.acquire(ANA, "10.0.0.1");
        }
        for (int i = 0; i < 20; i++) {
            limits.acquire(ANA, "10.0.0.1");
        }

        assertThat(limits.acquire(BRUNO, "10.0.0.1")).as("7 of the client's 10 left").isEmpty();
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 3; i++) {
            limits.acquire(ANA, "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(limits.acquire(ANA, "10.0.0.1")).isEmpty();
    }

    @Test
    void whenFullItRefusesRatherThanForgetsWhatItCounted() {
        var few = new CodeRequestLimits(3, 10, Duration.ofMinutes(15), 4, clock);
        assertThat(few.acquire(ANA, "10.0.0.1")).isEmpty();
        assertThat(few.acquire(BRUNO, "10.0.0.2")).isEmpty();

        assertThat(few.acquire("+5531987654321", "10.0.0.3")).isPresent();

        clock.advance(Duration.ofMinutes(15));
        assertThat(few.acquire("+5531987654321", "10.0.0.3")).as("room again once the counts expired").isEmpty();
        assertThat(few.trackedCount()).isEqualTo(2);
    }
}
