package dev.wareg.cloudapi;

import dev.wareg.cloudapi.WebhookPayload.InboundMessage;
import dev.wareg.platform.messaging.ChannelInbox;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands the messages of a verified delivery to the bot, once each ({@link ChannelInbox} says in which order and with
 * which ids, so that none is lost when publishing fails and Meta delivers again), and counts Meta's statuses.
 */
// Named: the WhatsApp Web channel, in the same application in the embedded default, has an InboundMessages too.
@Component("cloudApiInboundMessages")
class InboundMessages {

    private final ChannelInbox inbox;
    private final WebhookMetrics metrics;

    InboundMessages(EventBus bus, @Qualifier(CloudApiConfiguration.MESSAGE_IDS) ChannelMessageIds processed,
                    WebhookMetrics metrics, Clock clock) {
        this.inbox = new ChannelInbox(CloudApiConfiguration.CHANNEL, bus, processed, clock);
        this.metrics = metrics;
    }

    /** Publishes every message not handled before; throws when publishing fails, so the delivery is retried. */
    void receive(WebhookPayload payload) {
        for (InboundMessage message : payload.messages()) {
            if (!inbox.publish(message.id(), message.sender(), message.text(), message.location(), message.media())) {
                metrics.duplicate();
            }
        }
        payload.statuses().forEach(metrics::status);
    }

    static UUID eventId(String messageId) {
        return ChannelInbox.eventId(CloudApiConfiguration.CHANNEL, messageId);
    }
}
