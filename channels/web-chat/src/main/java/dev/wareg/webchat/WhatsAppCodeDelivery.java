package dev.wareg.webchat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.IdGenerator;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the code to the number over a WhatsApp channel: a {@link SendMessage} addressed to that channel
 * ({@code cloud-api} or {@code whatsapp-web}), which its outbound side picks from the bus by {@code channel}, the
 * same way it sends the bot's replies. Only the person holding the number's WhatsApp reads it.
 */
final class WhatsAppCodeDelivery implements CodeDelivery {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppCodeDelivery.class);

    private final String channel;
    private final EventBus bus;
    private final IdGenerator ids;
    private final Clock clock;

    WhatsAppCodeDelivery(String channel, EventBus bus, IdGenerator ids, Clock clock) {
        this.channel = channel;
        this.bus = bus;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void deliver(String phone, String code, Duration validity) {
        var message = new SendMessage(ids.next(), clock.instant(), channel, phone, CodeMessage.text(code, validity),
                List.of(), CodeMessage.LANGUAGE);
        bus.publish(message);
        log.info("Web chat code sent over {} to {} (message {})", channel, RegistrationFields.PHONE.mask().apply(phone),
                message.eventId());
    }
}
