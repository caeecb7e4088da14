package dev.wareg.chat.mail;

import dev.wareg.chat.conversation.EmailDelivery;
import dev.wareg.contracts.SendEmail;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends the chat's e-mails: each {@link SendEmail} from the bus, once, as plain text. The bus retries what the mail
 * server refuses for now (a connection, a 4xx) and dead-letters what it can never send; the address and the text
 * never reach the log.
 */
class Mailer implements EmailDelivery, SmartInitializingSingleton {

    static final String SUBSCRIBER = "mailer";
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final EventBus bus;
    private final MailProperties properties;

    Mailer(JavaMailSender sender, EventBus bus, MailProperties properties) {
        this.sender = sender;
        this.bus = bus;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, SendEmail.class, this::send);
    }

    void send(SendEmail email) throws PermanentFailure {
        var message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(email.to());
        message.setSubject(email.subject());
        message.setText(email.text());
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw new PermanentFailure("mail-unsendable");
        }
        log.info("E-mail {} sent", email.eventId());
    }
}
