package dev.wareg.whatsappweb;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands the sidecar's messages to the bot, once each. The same order and ids as the Cloud API channel, for the
 * same reasons:
 * <ul>
 *   <li>a message id is remembered only <em>after</em> its event was published, so a message whose publishing
 *   failed is published when the sidecar retries it;</li>
 *   <li>two deliveries of one message racing each other may then both publish, so the event id is derived from the
 *   message id: both publish the same event id, and every consumer handles each event id once.</li>
 * </ul>
 * An {@code edit} is a message of its own (its own id) carrying the edited text: the chat reads it as the person's
 * newest word, the way it reads "na verdade é ..." typed anew, so the newest answer wins.
 */
// Named: the Cloud API channel, in the same application in the embedded default, has an InboundMessages too.
@Component("whatsappWebInboundMessages")
class InboundMessages {

    enum Outcome { ACCEPTED, DUPLICATE }

    private final EventBus bus;
    private final ChannelMessageIds processed;
    private final InboundMetrics metrics;
    private final Clock clock;

    InboundMessages(EventBus bus, @Qualifier(WhatsAppWebConfiguration.MESSAGE_IDS) ChannelMessageIds processed,
                    InboundMetrics metrics, Clock clock) {
        this.bus = bus;
        this.processed = processed;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Publishes the message unless it was handled before; throws when publishing fails, so the sidecar retries. */
    Outcome receive(SidecarMessage message) {
        if (processed.contains(message.messageId())) {
            metrics.duplicate();
            return Outcome.DUPLICATE;
        }
        bus.publish(new MessageReceived(eventId(message.messageId()), clock.instant(), WhatsAppWebConfiguration.CHANNEL,
                message.messageId(), message.sender(), message.text(), message.location()));
        processed.remember(message.messageId());
        metrics.received(message.type());
        return Outcome.ACCEPTED;
    }

    static UUID eventId(String messageId) {
        // Name-based (v3): the same message id always gives the same event id; prefixed to keep it to this channel.
        return UUID.nameUUIDFromBytes((WhatsAppWebConfiguration.CHANNEL + ':' + messageId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
