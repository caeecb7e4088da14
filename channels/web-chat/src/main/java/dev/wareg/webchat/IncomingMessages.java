package dev.wareg.webchat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.IdGenerator;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What people write on the page: kept in their transcript, masked ({@link TranscriptMask}), and handed to the bot as
 * written, as a {@link MessageReceived} whose sender is proven: only a session bound by a one-time code sends here.
 */
@Component
class IncomingMessages {

    private static final Logger log = LoggerFactory.getLogger(IncomingMessages.class);

    private final Transcripts transcripts;
    private final EventBus bus;
    private final IdGenerator ids;
    private final Clock clock;

    IncomingMessages(Transcripts transcripts, EventBus bus, IdGenerator ids, Clock clock) {
        this.transcripts = transcripts;
        this.bus = bus;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param sender the E.164 phone the person's session proved
     * @return the message's id, which is also the event id and the channel message id
     */
    UUID receive(String sender, String text) {
        UUID id = ids.next();
        Instant now = clock.instant();
        // Recorded before publishing, so the bot's answer can never appear above the message it answers.
        transcripts.append(sender, TranscriptMessage.incoming(id, TranscriptMask.mask(text), now));
        bus.publish(new MessageReceived(id, now, WebChatConfiguration.CHANNEL, id.toString(), sender, text, true));
        log.debug("Web chat message {} from {}", id, RegistrationFields.PHONE.mask().apply(sender));
        return id;
    }
}
