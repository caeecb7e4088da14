package dev.wareg.worker.updates;

import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import java.time.Clock;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Consumes erasures a person confirmed in the chat and carries them out through account-api, retrying like updates.
 * Success publishes nothing here: account-api announces every erasure itself ({@code AccountErased}, with this
 * request's id as {@code requestId}), atomically with it, so there is one announcement per erasure whoever asked
 * (see docs/architecture.md). What cannot be erased is answered with a {@link RegistrationUpdateRejected} whose
 * {@code requestId} is the erasure request's, so the person is told, and the request becomes a dead letter. Logs
 * name event and account ids only.
 */
class AccountErasures implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AccountErasures.class);

    private final EventBus bus;
    private final AccountApiWriter accounts;
    private final WorkerProperties.Retry retry;
    private final Pause pause;
    private final LongUnaryOperator jitter;
    private final Clock clock;
    private final UpdateMetrics metrics;

    AccountErasures(EventBus bus, AccountApiWriter accounts, WorkerProperties.Retry retry, Pause pause,
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
        bus.subscribe(RegistrationUpdates.SUBSCRIBER, AccountErasureRequested.class, this::erase);
    }

    /**
     * @throws PermanentFailure after publishing the rejection, so the bus keeps the request as a dead letter for an
     *                          operator to re-drive once the cause is fixed
     */
    void erase(AccountErasureRequested request) throws InterruptedException, PermanentFailure {
        AccountErasure outcome = accounts.erase(request);
        for (int attempt = 2; attempt <= retry.maxAttempts() && outcome instanceof AccountErasure.Failed; attempt++) {
            pause.pause(RegistrationUpdates.backoff(retry, jitter, attempt - 1));
            metrics.retried();
            outcome = accounts.erase(request);
        }
        switch (outcome) {
            case AccountErasure.Erased erased -> {
                log.info("Erasure request {} carried out for account {}", request.eventId(), request.accountId());
                metrics.erased();
            }
            case AccountErasure.Refused(ReasonCode code, String reason) -> reject(request, code, reason);
            case AccountErasure.Failed(String reason) -> reject(request, ReasonCode.UNAVAILABLE,
                    reason + " (after " + retry.maxAttempts() + " attempts)");
        }
    }

    private void reject(AccountErasureRequested request, ReasonCode code, String reason) throws PermanentFailure {
        log.warn("Erasure request {} for account {} rejected: {} ({})", request.eventId(), request.accountId(), code,
                reason);
        bus.publish(new RegistrationUpdateRejected(RegistrationUpdates.rejectionId(request.eventId()), clock.instant(),
                request.eventId(), code, reason, request.channel(), request.conversationId()));
        metrics.erasureRejected(code);
        throw new PermanentFailure(code + ": " + reason);
    }
}
