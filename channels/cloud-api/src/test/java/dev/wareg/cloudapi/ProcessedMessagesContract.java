package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProcessedMessages} does; each adapter's test extends this. */
abstract class ProcessedMessagesContract {

    ProcessedMessages processed;

    abstract ProcessedMessages emptyStore();

    @BeforeEach
    void createStore() {
        processed = emptyStore();
    }

    @Test
    void knowsOnlyTheIdsItWasToldToRemember() {
        processed.remember("wamid.A");

        assertThat(processed.contains("wamid.A")).isTrue();
        assertThat(processed.contains("wamid.B")).isFalse();
    }

    @Test
    void rememberingAnIdTwiceIsHarmless() {
        processed.remember("wamid.A");
        processed.remember("wamid.A");

        assertThat(processed.contains("wamid.A")).isTrue();
    }
}
