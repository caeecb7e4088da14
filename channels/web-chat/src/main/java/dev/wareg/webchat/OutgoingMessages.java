package dev.wareg.webchat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.EventBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * What the bot sends to web chat users: kept in the recipient's transcript, where the page polls for it. Other
 * channels' messages travel on the same bus and are ignored.
 */
@Component
class OutgoingMessages implements SmartInitializingSingleton {

    private final EventBus bus;
    private final Transcripts transcripts;

    OutgoingMessages(EventBus bus, Transcripts transcripts) {
        this.bus = bus;
        this.transcripts = transcripts;
    }

    // Once every bean exists and before the web server takes requests, so no reply to a page's message is missed.
    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(WebChatConfiguration.CHANNEL, SendMessage.class, this::keep);
    }

    void keep(SendMessage message) {
        if (!WebChatConfiguration.CHANNEL.equals(message.channel())) {
            return;
        }
        transcripts.append(message.recipient(), TranscriptMessage.outgoing(
                message.eventId(), message.text(), message.buttons(), message.occurredAt()));
    }
}
