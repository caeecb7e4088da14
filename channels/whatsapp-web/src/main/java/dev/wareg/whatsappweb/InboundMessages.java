package dev.wareg.whatsappweb;

import dev.wareg.platform.messaging.ChannelInbox;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands the sidecar's messages to the bot, once each ({@link ChannelInbox} says in which order and with which ids,
 * so that none is lost when publishing fails and the sidecar tries again).
 * <p>
 * An {@code edit} is a message of its own (its own id) carrying the edited text: the chat reads it as the person's
 * newest word, the way it reads "na verdade é ..." typed anew, so the newest answer wins.
 */
// Named: the Cloud API channel, in the same application in the embedded default, has an InboundMessages too.
@Component("whatsappWebInboundMessages")
class InboundMessages {

    enum Outcome { ACCEPTED, DUPLICATE }

    private final ChannelInbox inbox;
    private final InboundMetrics metrics;

    InboundMessages(EventBus bus, @Qualifier(WhatsAppWebConfiguration.MESSAGE_IDS) ChannelMessageIds processed,
                    InboundMetrics metrics, Clock clock) {
        this.inbox = new ChannelInbox(WhatsAppWebConfiguration.CHANNEL, bus, processed, clock);
        this.metrics = metrics;
    }

    /** Publishes the message unless it was handled before; throws when publishing fails, so the sidecar retries. */
    Outcome receive(SidecarMessage message) {
        if (!inbox.publish(message.messageId(), message.sender(), message.text(), message.location(),
                message.media())) {
            metrics.duplicate();
            return Outcome.DUPLICATE;
        }
        metrics.received(message.type());
        return Outcome.ACCEPTED;
    }

    static UUID eventId(String messageId) {
        return ChannelInbox.eventId(WhatsAppWebConfiguration.CHANNEL, messageId);
    }
}
