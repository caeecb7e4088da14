package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.conversation.CodeSends;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CodeSends} does, whatever keeps the counts: at most {@code limit} sends per key in any window,
 * a refused send not counted, keys apart, and no more than the limit when instances count at once. Each adapter's
 * tests extend this and say how to make an empty store.
 */
abstract class CodeSendsContract {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    /** What the chat keys a number by: a SHA-256 in hex (CodesPerNumber.key). */
    static final String NUMBER = "a3".repeat(32);
    static final String OTHER_NUMBER = "b4".repeat(32);

    CodeSends store;

    abstract CodeSends emptyStore();

    @BeforeEach
    void createStore() {
        store = emptyStore();
    }

    @Test
    void countsUpToTheLimitThenRefuses() {
        assertThat(List.of(store.tryCount(NUMBER, NOW, HOUR, 3), store.tryCount(NUMBER, NOW.plusSeconds(1), HOUR, 3),
                store.tryCount(NUMBER, NOW.plusSeconds(2), HOUR, 3))).containsOnly(true);

        assertThat(store.tryCount(NUMBER, NOW.plusSeconds(3), HOUR, 3)).isFalse();
        assertThat(store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(59)), HOUR, 3)).isFalse();
    }

    @Test
    void eachNumberHasACountOfItsOwn() {
        store.tryCount(NUMBER, NOW, HOUR, 1);

        assertThat(store.tryCount(NUMBER, NOW, HOUR, 1)).isFalse();
        assertThat(store.tryCount(OTHER_NUMBER, NOW, HOUR, 1)).isTrue();
    }

    @Test
    void aSendCountsForOneWindowAfterItThenLeavesIt() {
        store.tryCount(NUMBER, NOW, HOUR, 2);
        store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(30)), HOUR, 2);

        assertThat(store.tryCount(NUMBER, NOW.plus(HOUR), HOUR, 2)).as("the first send leaves the window").isTrue();
        assertThat(store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(89)), HOUR, 2))
                .as("the second and third are still in it").isFalse();
        assertThat(store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(90)), HOUR, 2)).isTrue();
    }

    @Test
    void aRefusedSendIsNotCounted() {
        store.tryCount(NUMBER, NOW, HOUR, 1);
        for (int minute = 1; minute < 60; minute += 10) {
            assertThat(store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(minute)), HOUR, 1)).isFalse();
        }

        assertThat(store.tryCount(NUMBER, NOW.plus(HOUR), HOUR, 1)).isTrue();
    }

    @Test
    void aWiderLimitOrWindowAppliesToWhatIsAlreadyCounted() {
        store.tryCount(NUMBER, NOW, HOUR, 1);

        assertThat(store.tryCount(NUMBER, NOW.plusSeconds(1), HOUR, 2)).isTrue();
        assertThat(store.tryCount(NUMBER, NOW.plus(Duration.ofMinutes(90)), Duration.ofHours(2), 2)).isFalse();
    }

    @Test
    void sendsCountedAtOnceNeverPassTheLimit() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var start = new CountDownLatch(1);
            List<Callable<Boolean>> sends = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                sends.add(() -> {
                    start.await();
                    return store.tryCount(NUMBER, NOW, HOUR, 3);
                });
            }
            List<Future<Boolean>> outcomes = sends.stream().map(pool::submit).toList();
            start.countDown();
            long counted = 0;
            for (Future<Boolean> outcome : outcomes) {
                counted += outcome.get() ? 1 : 0;
            }
            assertThat(counted).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
