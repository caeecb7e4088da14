package dev.wareg.cloudapi.outbound;

import java.time.Duration;

/** Waiting for a rate limit or before a retry, injected so tests do not sleep. */
@FunctionalInterface
interface Pause {

    void pause(Duration duration) throws InterruptedException;
}
