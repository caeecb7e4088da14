package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChannelMessageIds} does; each adapter's test extends this. */
abstract class ChannelMessageIdsContract {

    ChannelMessageIds ids;

    abstract ChannelMessageIds emptyStore();

    @BeforeEach
    void createStore() {
        ids = emptyStore();
    }

    @Test
    void knowsOnlyTheIdsItWasToldToRemember() {
        ids.remember("3EB0A");

        assertThat(ids.contains("3EB0A")).isTrue();
        assertThat(ids.contains("3EB0B")).isFalse();
    }

    @Test
    void rememberingAnIdTwiceIsHarmless() {
        ids.remember("3EB0A");
        ids.remember("3EB0A");

        assertThat(ids.contains("3EB0A")).isTrue();
    }
}
