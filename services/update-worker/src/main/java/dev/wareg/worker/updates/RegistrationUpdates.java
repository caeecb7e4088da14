package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Consumes confirmed update requests and publishes what became of each, so the person is told the truth:
 * applied, refused (at once, since retrying cannot help), or unavailable after the retries ran out.
 */
class RegistrationUpdates implements SmartInitializingSingleton {

    static final String SUBSCRIBER = "update-worker";
    private static final Logger log = LoggerFactory.getLogger(RegistrationUpdates.class);

    private final EventBus bus;
    private final AccountApiWriter accounts;
    private final WorkerProperties.Retry retry;
    private final Pause pause;
    private final LongUnaryOperator jitter;
    private final Clock clock;
    private final UpdateMetrics metrics;

    /**
     * @param jitter given the longest wait in milliseconds, how long to actually wait (full jitter draws uniformly
     *               from zero to it)
     */
    RegistrationUpdates(EventBus bus, AccountApiWriter accounts, WorkerProperties.Retry retry, Pause pause,
                        LongUnaryOperator jitter, Clock clock, UpdateMetrics metrics) {
        this.bus = bus;
        this.accounts = accounts;
        this.retry = retry;
        this.pause = pause;
        this.jitter = jitter;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, RegistrationUpdateRequested.class, this::apply);
    }

    /**
     * @throws PermanentFailure after publishing the rejection, so the bus keeps the request as a dead letter
     *                          (with the reason code) for an operator to re-drive once the cause is fixed
     */
    void apply(RegistrationUpdateRequested request) throws InterruptedException, PermanentFailure {
        AccountWrite outcome = accounts.apply(request);
        for (int attempt = 2; attempt <= retry.maxAttempts() && outcome instanceof AccountWrite.Failed; attempt++) {
            pause.pause(backoff(attempt - 1));
            metrics.retried();
            outcome = accounts.apply(request);
        }
        switch (outcome) {
            case AccountWrite.Applied(var accountId, long version) -> {
                bus.publish(new RegistrationUpdateApplied(appliedId(request.eventId()), clock.instant(), request.eventId(),
                        accountId, version, request.channel(), request.conversationId()));
                metrics.applied(request);
            }
            case AccountWrite.Refused(ReasonCode code, String reason) -> reject(request, code, reason);
            case AccountWrite.Failed(String reason) -> reject(request, ReasonCode.UNAVAILABLE,
                    reason + " (after " + retry.maxAttempts() + " attempts)");
        }
    }

    private void reject(RegistrationUpdateRequested request, ReasonCode code, String reason)
            throws PermanentFailure {
        log.warn("Update request {} rejected: {} ({})", request.eventId(), code, reason);
        bus.publish(new RegistrationUpdateRejected(rejectionId(request.eventId()), clock.instant(), request.eventId(), code, reason,
                request.channel(), request.conversationId()));
        metrics.rejected(request, code);
        throw new PermanentFailure(code + ": " + reason);
    }

    /**
     * The outcome of a request has an id derived from the request's and from what became of it: a request handled
     * again (the worker died before acknowledging it, or the bus redelivered it) with the same result publishes an
     * outcome that the chat skips as already handled, so the person is told once. A different result gets another
     * id and is told: a request rejected as unavailable and applied when handled again (an operator re-drove the
     * dead letter, or the delivery came back because parking it failed) must not leave the person believing that
     * nothing was changed.
     */
    static UUID rejectionId(UUID requestId) {
        return UUID.nameUUIDFromBytes(("outcome-of:" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID appliedId(UUID requestId) {
        return UUID.nameUUIDFromBytes(("applied:" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    /** The wait before retry number {@code retryNumber} (1 for the first retry). */
    Duration backoff(int retryNumber) {
        return backoff(retry, jitter, retryNumber);
    }

    /** Exponential backoff with full jitter, the same for every call the worker retries. */
    static Duration backoff(WorkerProperties.Retry retry, LongUnaryOperator jitter, int retryNumber) {
        long ceiling = retry.initialBackoff().toMillis() << Math.min(retryNumber - 1, 20);
        return Duration.ofMillis(jitter.applyAsLong(Math.min(ceiling, retry.maxBackoff().toMillis())));
    }
}
