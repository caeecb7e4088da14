package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), 3, clock, new SecureRandom());

    @Test
    void aSessionIsAnOpaqueRandomIdForItsNumber() {
        String id = sessions.open(ANA);

        assertThat(id).matches("[A-Za-z0-9_-]{43}").doesNotContain("5511");
        assertThat(sessions.open(ANA)).isNotEqualTo(id);
        assertThat(sessions.use(id)).contains(ANA);
        assertThat(sessions.use("forged")).isEmpty();
        assertThat(sessions.use(null)).isEmpty();
    }

    @Test
    void anIdleSessionEndsButAUsedOneLives() {
        String idle = sessions.open(ANA);
        String used = sessions.open(BRUNO);
        clock.advance(Duration.ofMinutes(20));
        sessions.use(used);
        clock.advance(Duration.ofMinutes(10));

        assertThat(sessions.use(idle)).isEmpty();
        assertThat(sessions.use(used)).contains(BRUNO);
    }

    @Test
    void loggingOutEndsTheSession() {
        String id = sessions.open(ANA);
        sessions.close(id);

        assertThat(sessions.use(id)).isEmpty();
    }

    @Test
    void closingANumbersSessionsEndsThemAllAndNoOther() {
        String one = sessions.open(ANA);
        String two = sessions.open(ANA);
        String other = sessions.open(BRUNO);

        sessions.closeAll(ANA);

        assertThat(sessions.use(one)).isEmpty();
        assertThat(sessions.use(two)).isEmpty();
        assertThat(sessions.use(other)).contains(BRUNO);
    }

    @Test
    void beyondTheLimitTheLeastRecentlyUsedEnds() {
        String first = sessions.open(ANA);
        String second = sessions.open(BRUNO);
        String third = sessions.open(ANA);
        sessions.use(first);

        sessions.open(BRUNO);

        assertThat(sessions.count()).isEqualTo(3);
        assertThat(sessions.use(second)).isEmpty();
        assertThat(sessions.use(first)).contains(ANA);
        assertThat(sessions.use(third)).contains(ANA);
    }
}
