package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryProcessedMessagesTests extends ProcessedMessagesContract {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Override
    ProcessedMessages emptyStore() {
        return new InMemoryProcessedMessages(Duration.ofDays(7), clock);
    }

    @Test
    void forgetsAnIdAfterTheTtl() {
        processed.remember("wamid.A");

        now = now.plus(Duration.ofDays(7)).minusSeconds(1);
        assertThat(processed.contains("wamid.A")).isTrue();
        now = now.plusSeconds(1);
        assertThat(processed.contains("wamid.A")).isFalse();
    }
}
