package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryChannelMessageIdsTests extends ChannelMessageIdsContract {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    ChannelMessageIds emptyStore() {
        return new InMemoryChannelMessageIds(Duration.ofDays(7), clock);
    }

    @Test
    void forgetsAnIdAfterTheTtl() {
        ids.remember("3EB0A");

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(ids.contains("3EB0A")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids.contains("3EB0A")).isFalse();
    }
}
