package dev.wareg.cloudapi;

import dev.wareg.cloudapi.WebhookPayload.InboundMessage;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands the messages of a verified delivery to the bot, once each.
 * <p>
 * Order and ids, chosen so that no message is lost and none is answered twice:
 * <ul>
 *   <li>A message id is remembered only <em>after</em> its event was published. Remembering first would lose the
 *   message when publishing fails: Meta's retry would find the id known and drop it.</li>
 *   <li>Two deliveries of the same message racing each other (Meta retries while the first is still being handled,
 *   or two instances) may then both publish. So the event id is derived from the message id, not drawn fresh:
 *   both publish the same event id, and every consumer already handles each event id once
 *   ({@code ProcessedEvents}). The id store only saves the bus that duplicate work.</li>
 * </ul>
 */
// Named: the WhatsApp Web channel, in the same application in the embedded default, has an InboundMessages too.
@Component("cloudApiInboundMessages")
class InboundMessages {

    private final EventBus bus;
    private final ChannelMessageIds processed;
    private final WebhookMetrics metrics;
    private final Clock clock;

    InboundMessages(EventBus bus, @Qualifier(CloudApiConfiguration.MESSAGE_IDS) ChannelMessageIds processed,
                    WebhookMetrics metrics, Clock clock) {
        this.bus = bus;
        this.processed = processed;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes every message not handled before; throws when publishing fails, so the delivery is retried. */
    void receive(WebhookPayload payload) {
        for (InboundMessage message : payload.messages()) {
            if (processed.contains(message.id())) {
                metrics.duplicate();
                continue;
            }
            bus.publish(new MessageReceived(eventId(message.id()), clock.instant(), CloudApiConfiguration.CHANNEL,
                    message.id(), message.sender(), message.text(), message.location()));
            processed.remember(message.id());
        }
        payload.statuses().forEach(metrics::status);
    }

    static UUID eventId(String messageId) {
        // Name-based (v3): the same message id always gives the same event id; prefixed to keep it to this channel.
        return UUID.nameUUIDFromBytes((CloudApiConfiguration.CHANNEL + ':' + messageId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
