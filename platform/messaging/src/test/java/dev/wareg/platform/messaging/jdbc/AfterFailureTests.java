package dev.wareg.platform.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.messaging.MessagingProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AfterFailureTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final MessagingProperties PROPERTIES = new MessagingProperties(MessagingProperties.Bus.JDBC, 4,
            Duration.ofSeconds(1), Duration.ofSeconds(3), 8, Duration.ofDays(7));

    @Test
    void theLaneWaitsLongerAfterEachFailureUpToTheLongestDelay() {
        assertThat(AfterFailure.of(1, true, PROPERTIES, NOW)).isEqualTo(new AfterFailure.RetryAt(1, NOW.plusSeconds(1)));
        assertThat(AfterFailure.of(2, true, PROPERTIES, NOW)).isEqualTo(new AfterFailure.RetryAt(2, NOW.plusSeconds(2)));
        assertThat(AfterFailure.of(3, true, PROPERTIES, NOW)).isEqualTo(new AfterFailure.RetryAt(3, NOW.plusSeconds(3)));
    }

    @Test
    void theLastAllowedAttemptFailingMakesADeadLetter() {
        assertThat(AfterFailure.of(4, true, PROPERTIES, NOW)).isEqualTo(new AfterFailure.Dead(4));
    }

    @Test
    void withASingleAttemptTheFirstFailureIsFinal() {
        var once = new MessagingProperties(MessagingProperties.Bus.JDBC, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 8, Duration.ofDays(7));

        assertThat(AfterFailure.of(1, true, once, NOW)).isEqualTo(new AfterFailure.Dead(1));
    }

    @Test
    void aFailureForGoodIsDeadAtOnce() {
        assertThat(AfterFailure.of(1, false, PROPERTIES, NOW)).isEqualTo(new AfterFailure.Dead(1));
    }
}
