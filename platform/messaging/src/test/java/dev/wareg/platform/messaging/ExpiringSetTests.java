package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringSetTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final ExpiringSet<String> seen = new ExpiringSet<>(Duration.ofDays(7), clock);

    @Test
    void aMemberIsKeptForTheRetentionThenForgotten() {
        seen.add("a");
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(seen.contains("a")).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(seen.contains("a")).isFalse();
        assertThat(seen.contains("b")).isFalse();
    }

    @Test
    void addingAMemberAgainDoesNotExtendItsStay() {
        seen.add("a");
        clock.advance(Duration.ofDays(6));
        seen.add("a");

        clock.advance(Duration.ofDays(1));
        assertThat(seen.contains("a")).isFalse();
    }

    @Test
    void anExpiredMemberAddedAgainIsKeptAfresh() {
        seen.add("a");
        clock.advance(Duration.ofDays(8));
        seen.add("a");

        assertThat(seen.contains("a")).isTrue();
    }
}
