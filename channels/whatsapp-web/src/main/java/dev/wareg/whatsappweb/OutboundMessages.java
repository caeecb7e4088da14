package dev.wareg.whatsappweb;

import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Sends the bot's replies for this channel through the sidecar. Nothing is dropped silently:
 * <ul>
 *   <li>429 (honouring its {@code Retry-After}), 5xx (503 while the session is not connected), timeouts and refused
 *   connections are retried in place with growing, jittered waits; a send still failing after the last attempt
 *   throws {@link PermanentFailure}, which makes it a dead letter at once (listed at {@code
 *   /actuator/deadletters/whatsapp-web}, re-driven by an operator), as the Cloud API channel does;</li>
 *   <li>400 (a body the sidecar does not take) and 401 (the two sides do not share the secret) cannot get better by
 *   retrying: a dead letter at once, with the reason.</li>
 * </ul>
 * Retrying a send that timed out after it went out does not show the person the reply twice: the sidecar sends each
 * {@code id} (the event id) once.
 */
class OutboundMessages implements SmartInitializingSingleton {

    static final String SUBSCRIBER = WhatsAppWebConfiguration.CHANNEL;
    private static final Logger log = LoggerFactory.getLogger(OutboundMessages.class);

    private final EventBus bus;
    private final SidecarClient sidecar;
    private final OutboundMetrics metrics;
    private final WhatsAppWebProperties.Retry retry;
    private final Pause pause;
    private final LongUnaryOperator jitter;

    /**
     * @param jitter given the longest wait in milliseconds, how long to actually wait (full jitter draws uniformly
     *               from zero to it)
     */
    OutboundMessages(EventBus bus, SidecarClient sidecar, OutboundMetrics metrics, WhatsAppWebProperties.Retry retry,
                     Pause pause, LongUnaryOperator jitter) {
        this.bus = bus;
        this.sidecar = sidecar;
        this.metrics = metrics;
        this.retry = retry;
        this.pause = pause;
        this.jitter = jitter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, SendMessage.class, this::send);
    }

    void send(SendMessage message) throws InterruptedException, PermanentFailure {
        if (!WhatsAppWebConfiguration.CHANNEL.equals(message.channel())) {
            return;
        }
        String text = Replies.render(message);
        SidecarAnswer.Failed last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (last != null) {
                pause.pause(wait(attempt - 1, last));
            }
            SidecarAnswer answer = sidecar.send(message.eventId(), message.recipient(), text);
            if (answer instanceof SidecarAnswer.Sent) {
                metrics.outcome("sent");
                return;
            }
            last = (SidecarAnswer.Failed) answer;
            metrics.failed(last.failure());
            if (!last.failure().retryable()) {
                break;
            }
        }
        metrics.outcome("dead-letter");
        String reason = last.failure().retryable()
                ? last.reason() + " after " + retry.maxAttempts() + " attempts" : last.reason();
        log.warn("Giving up on reply {}: {}", message.eventId(), reason);
        throw new PermanentFailure(reason);
    }

    /** Before retry number {@code retryNumber}: what the sidecar asked for, else a jittered exponential backoff. */
    Duration wait(int retryNumber, SidecarAnswer.Failed failed) {
        if (failed.retryAfter() != null) {
            return failed.retryAfter().compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter()
                    : failed.retryAfter();
        }
        return backoff(retryNumber);
    }

    /** The wait before retry number {@code retryNumber} (1 for the first retry). */
    Duration backoff(int retryNumber) {
        long ceiling = retry.initialBackoff().toMillis() << Math.min(retryNumber - 1, 20);
        return Duration.ofMillis(jitter.applyAsLong(Math.min(ceiling, retry.maxBackoff().toMillis())));
    }
}
