package dev.wareg.cloudapi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SendRateLimiterTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @Test
    void aSecondsWorthOfSendsGoesAtOnceAndTheNextWaitsForItsSlot() {
        var limiter = new SendRateLimiter(80, 1000, Duration.ofSeconds(6), clock);

        IntStream.range(0, 80).forEach(i -> assertThat(limiter.reserve()).isZero());

        assertThat(limiter.reserve()).isEqualTo(Duration.ofNanos(12_500_000));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofNanos(25_000_000));
    }

    @Test
    void sendsKeepTheConfiguredRateOverTime() {
        var limiter = new SendRateLimiter(100, 1000, Duration.ofSeconds(6), clock);
        IntStream.range(0, 100).forEach(i -> limiter.reserve());

        // Ten seconds later, a second's worth goes at once and a thousand more are spread over the next ten seconds.
        clock.advance(Duration.ofSeconds(10));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 1100; i++) {
            last = limiter.reserve();
        }
        assertThat(last).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void onePersonGetsABurstThenOneMessageEveryIntervalWithoutHoldingUpTheNumber() {
        var limiter = new SendRateLimiter(1000, 3, Duration.ofSeconds(6), clock);

        assertThat(limiter.reserve("+5511987654321")).isZero();
        assertThat(limiter.reserve("+5511987654321")).isZero();
        assertThat(limiter.reserve("+5511987654321")).isZero();
        assertThat(limiter.reserve("+5511987654321")).isEqualTo(Duration.ofSeconds(6));
        assertThat(limiter.reserve("+5521999990000")).as("another person").isZero();
        assertThat(limiter.reserve()).as("the number's next slot").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.reserve("+5511987654321")).isZero();
    }

    @Test
    void aHoldDelaysEverySendOrOnePersonsUntilItEnds() {
        var limiter = new SendRateLimiter(1000, 45, Duration.ofSeconds(6), clock);

        limiter.hold("+5511987654321", Duration.ofSeconds(6));
        assertThat(limiter.reserve("+5511987654321")).isEqualTo(Duration.ofSeconds(6));
        assertThat(limiter.reserve("+5521999990000")).isZero();

        assertThat(limiter.reserve()).isZero();

        limiter.holdAll(Duration.ofSeconds(2));
        assertThat(limiter.reserve()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void peopleWhoseSlotIsFreeAgainAreForgottenWhenManyAreTracked() {
        var limiter = new SendRateLimiter(1000, 1, Duration.ofSeconds(6), clock);
        IntStream.range(0, 10_000).forEach(i -> limiter.reserve("+55" + i));

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.reserve("+55" + 0)).isZero();
        assertThat(limiter.reserve("+55" + 1)).isZero();
    }
}
