package dev.wareg.whatsappweb;

import java.time.Duration;

/** Waiting before a retry, injected so tests do not sleep. */
@FunctionalInterface
interface Pause {

    void pause(Duration duration) throws InterruptedException;
}
