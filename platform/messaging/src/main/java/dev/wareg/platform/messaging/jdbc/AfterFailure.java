package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.MessagingProperties;
import java.time.Instant;

/** What becomes of a delivery whose handler failed: the lane waits for a retry, or the event is given up on. */
sealed interface AfterFailure {

    /** @param attempts the failed attempts so far, including this one */
    static AfterFailure of(int attempts, boolean retryable, MessagingProperties properties, Instant now) {
        return !retryable || attempts >= properties.maxAttempts()
                ? new Dead(attempts)
                : new RetryAt(attempts, now.plus(properties.delayAfter(attempts)));
    }

    int attempts();

    record RetryAt(int attempts, Instant at) implements AfterFailure {
    }

    record Dead(int attempts) implements AfterFailure {
    }
}
