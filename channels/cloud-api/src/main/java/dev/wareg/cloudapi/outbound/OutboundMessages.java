package dev.wareg.cloudapi.outbound;

import dev.wareg.cloudapi.CloudApiConfiguration;
import dev.wareg.cloudapi.outbound.GraphMessages.Rendered;
import dev.wareg.cloudapi.outbound.GraphResponse.Failure;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Sends the bot's replies for this channel through the Graph API. Nothing is dropped silently:
 * <ul>
 *   <li>rate limits, 5xx answers and timeouts are retried in place, paced and with growing, jittered waits; a send
 *   still failing after the last attempt becomes a dead letter, for an operator to re-drive;</li>
 *   <li>a message Meta refuses because the person last wrote more than 24 hours ago is replaced by the configured
 *   template, or recorded as undeliverable when there is none; so is one to a number that cannot receive it;</li>
 *   <li>a rejected access token turns health DOWN and makes every send a dead letter with {@link
 *   #TOKEN_REJECTED}; those are re-driven by themselves once a call shows the token works, or when the channel
 *   starts again (with a new token);</li>
 *   <li>anything else Meta refuses becomes a dead letter with its error code.</li>
 * </ul>
 * A send that timed out may have reached Meta: the Graph API has no idempotency key, so the retry can, rarely, show
 * the person the same reply twice. That is preferred to losing it.
 */
class OutboundMessages implements SmartInitializingSingleton {

    static final String SUBSCRIBER = CloudApiConfiguration.CHANNEL;
    /** The reason of the dead letters kept for a working token. */
    static final String TOKEN_REJECTED = "graph-token-rejected";
    private static final int DEAD_LETTERS_PER_REDRIVE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboundMessages.class);

    private final EventBus bus;
    private final DeadLetters deadLetters;
    private final GraphApiClient graph;
    private final SendRateLimiter limiter;
    private final GraphApiHealth health;
    private final OutboundMetrics metrics;
    private final GraphApiProperties properties;
    private final Pause pause;
    private final LongUnaryOperator jitter;

    /**
     * @param jitter given the longest wait in milliseconds, how long to actually wait (full jitter draws uniformly
     *               from zero to it)
     */
    OutboundMessages(EventBus bus, DeadLetters deadLetters, GraphApiClient graph, SendRateLimiter limiter,
                     GraphApiHealth health, OutboundMetrics metrics, GraphApiProperties properties, Pause pause,
                     LongUnaryOperator jitter) {
        this.bus = bus;
        this.deadLetters = deadLetters;
        this.graph = graph;
        this.limiter = limiter;
        this.health = health;
        this.metrics = metrics;
        this.properties = properties;
        this.pause = pause;
        this.jitter = jitter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, SendMessage.class, this::send);
        // A read receipt or a send may be the call that shows it; the re-drive must not hold up that call.
        health.onRecovery(() -> {
            log.info("Meta takes the access token again; re-driving the sends kept while it was rejected");
            Thread.ofVirtual().name("cloud-api-redrive").start(this::redriveTokenRejected);
        });
        // Started again, maybe with a new token: what an old one could not send gets its chance.
        redriveTokenRejected();
    }

    void send(SendMessage message) throws InterruptedException, PermanentFailure {
        if (!CloudApiConfiguration.CHANNEL.equals(message.channel())) {
            return;
        }
        Rendered rendered = GraphMessages.render(message);
        if (!(deliver(message.recipient(), rendered) instanceof GraphResponse.Failed failed)) {
            return;
        }
        switch (failed.failure()) {
            case OUTSIDE_WINDOW -> reengage(message, failed);
            case UNDELIVERABLE -> undeliverable(message, failed);
            case TOKEN_REJECTED -> throw new PermanentFailure(TOKEN_REJECTED + ": " + failed.reason());
            case REFUSED -> throw new PermanentFailure("graph-refused: " + failed.reason());
            case RATE_LIMITED, PAIR_RATE_LIMITED, TRANSIENT -> throw new PermanentFailure(
                    "graph-unavailable after " + properties.retry().maxAttempts() + " attempts: " + failed.reason());
        }
    }

    /** Sends, paced, retrying what may succeed later; returns the last answer. */
    private GraphResponse deliver(String recipient, Rendered rendered) throws InterruptedException {
        GraphResponse response = null;
        for (int attempt = 1; attempt <= properties.retry().maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause.pause(backoff(attempt - 1));
            }
            Duration wait = limiter.reserve(recipient);
            pause.pause(wait);
            Duration slot = limiter.reserve();
            pause.pause(slot);
            metrics.paced(wait.plus(slot));
            response = graph.post(rendered.body());
            health.record(response);
            if (response instanceof GraphResponse.Accepted) {
                metrics.sent(rendered.shape());
                return response;
            }
            Failure failure = ((GraphResponse.Failed) response).failure();
            metrics.failed(failure);
            if (!failure.retryable()) {
                return response;
            }
            // Meta's limit holds on its side for a while: hold every send (or this person's) here too, so the other
            // lanes do not run into the same refusal meanwhile.
            if (failure == Failure.RATE_LIMITED) {
                limiter.holdAll(properties.retry().initialBackoff());
            } else if (failure == Failure.PAIR_RATE_LIMITED) {
                limiter.hold(recipient, properties.recipientInterval());
            }
        }
        return response;
    }

    private void reengage(SendMessage message, GraphResponse.Failed failed) throws InterruptedException,
            PermanentFailure {
        String template = properties.reengagementTemplate();
        if (template.isBlank()) {
            undeliverable(message, failed);
            return;
        }
        Rendered rendered = GraphMessages.template(message.recipient(), template, message.language());
        if (deliver(message.recipient(), rendered) instanceof GraphResponse.Failed templateFailed) {
            if (templateFailed.failure() == Failure.TOKEN_REJECTED || templateFailed.failure().retryable()) {
                throw new PermanentFailure((templateFailed.failure() == Failure.TOKEN_REJECTED ? TOKEN_REJECTED
                        : "graph-unavailable") + ": template instead of " + failed.reason() + ": "
                        + templateFailed.reason());
            }
            undeliverable(message, templateFailed);
        }
    }

    private void undeliverable(SendMessage message, GraphResponse.Failed failed) {
        metrics.undeliverable(failed.failure());
        log.warn("Message {} is undeliverable: {}", message.eventId(), failed.reason());
    }

    private void redriveTokenRejected() {
        try {
            int redriven = 0;
            for (DeadLetters.DeadLetter letter : deadLetters.list(SUBSCRIBER, DEAD_LETTERS_PER_REDRIVE)) {
                if (letter.reason() != null && letter.reason().contains(TOKEN_REJECTED)
                        && deadLetters.redrive(SUBSCRIBER, letter.eventId())) {
                    redriven++;
                }
            }
            if (redriven > 0) {
                log.info("Re-drove {} sends kept while the access token was rejected", redriven);
            }
        } catch (RuntimeException e) {
            // They stay dead letters, listed at /actuator/deadletters/cloud-api for an operator.
            log.warn("Could not re-drive the sends kept while the access token was rejected", e);
        }
    }

    /** The wait before retry number {@code retryNumber} (1 for the first retry). */
    Duration backoff(int retryNumber) {
        long ceiling = properties.retry().initialBackoff().toMillis() << Math.min(retryNumber - 1, 20);
        return Duration.ofMillis(jitter.applyAsLong(Math.min(ceiling, properties.retry().maxBackoff().toMillis())));
    }
}
