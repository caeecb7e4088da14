package dev.wareg.worker.updates;

import java.time.Duration;

/** Waiting between retries, injected so tests do not sleep. */
@FunctionalInterface
interface Pause {

    void pause(Duration duration) throws InterruptedException;
}
