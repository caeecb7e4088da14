package dev.wareg.cloudapi;

import dev.wareg.cloudapi.WebhookPayload.InboundMessage;
import dev.wareg.platform.messaging.ChannelInbox;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands the messages of a verified delivery to the bot, once each ({@link ChannelInbox} says in which order and with
 * which ids, so that none is lost when publishing fails and Meta delivers again), and counts Meta's statuses. A
 * message sent longer ago than the ids are remembered ({@code wareg.cloud-api.dedupe-ttl}) is dropped and counted:
 * its id may already be forgotten, so a delivery replayed after the window could otherwise act again. The rest of
 * the delivery is handled as usual, and the webhook still answers 200, since Meta retries anything else for days.
 * Statuses change nothing but counters, which feed alerts: an old one is counted apart
 * ({@code wareg.cloud_api.statuses.stale}), so a replayed batch of failures cannot raise one.
 */
// Named: the WhatsApp Web channel, in the same application in the embedded default, has an InboundMessages too.
@Component("cloudApiInboundMessages")
class InboundMessages {

    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final ChannelInbox inbox;
    private final WebhookMetrics metrics;
    private final Duration window;
    private final Clock clock;

    InboundMessages(EventBus bus, @Qualifier(CloudApiConfiguration.MESSAGE_IDS) ChannelMessageIds processed,
                    WebhookMetrics metrics, CloudApiProperties properties, Clock clock) {
        this.inbox = new ChannelInbox(CloudApiConfiguration.CHANNEL, bus, processed, clock);
        this.metrics = metrics;
        this.window = properties.dedupeTtl();
        this.clock = clock;
    }

    /** Publishes every message not handled before; throws when publishing fails, so the delivery is retried. */
    void receive(WebhookPayload payload) {
        Instant now = clock.instant();
        Instant oldest = now.minus(window);
        for (InboundMessage message : payload.messages()) {
            if (message.sentAt() != null && message.sentAt().isBefore(oldest)) {
                metrics.stale();
                // Its age and the window only: no id, sender or text.
                log.warn("Dropped a message sent {} ago, older than the {} its id is remembered for",
                        Duration.between(message.sentAt(), now).truncatedTo(ChronoUnit.MINUTES), window);
                continue;
            }
            if (!inbox.publish(message.id(), message.sender(), message.text(), message.location(), message.media())) {
                metrics.duplicate();
            }
        }
        for (WebhookPayload.Status status : payload.statuses()) {
            if (status.sentAt() != null && status.sentAt().isBefore(oldest)) {
                metrics.staleStatus();
            } else {
                metrics.status(status);
            }
        }
    }

    static UUID eventId(String messageId) {
        return ChannelInbox.eventId(CloudApiConfiguration.CHANNEL, messageId);
    }
}
