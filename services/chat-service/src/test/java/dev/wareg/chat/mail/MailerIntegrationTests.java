package dev.wareg.chat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.wareg.chat.conversation.EmailDelivery;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.SendEmail;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailSendException;

/**
 * The chat's e-mails reach a real SMTP server (GreenMail, in the test): where {@code spring.mail.host} is set, the
 * mailer subscribes to {@link SendEmail} and the chat knows codes can be e-mailed; where it is not, neither.
 */
class MailerIntegrationTests {

    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final Map<Class<?>, EventHandler<?>> subscribed = new HashMap<>();
    private final EventBus bus = new EventBus() {
        @Override
        public void publish(IntegrationEvent event) {
        }

        @Override
        public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
            assertThat(subscriber).isEqualTo(Mailer.SUBSCRIBER);
            subscribed.put(type, handler);
        }
    };
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MailConfiguration.class)
            .withBean(EventBus.class, () -> bus);

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEmailOnTheBusIsSentOnceAsPlainTextFromTheConfiguredAddress() {
        context.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                        "wareg.chat.mail.from=Cadastro <nao-responda@empresa.com.br>")
                .run(started -> {
                    assertThat(started).hasSingleBean(EmailDelivery.class);
                    var handler = (EventHandler<SendEmail>) subscribed.get(SendEmail.class);
                    handler.handle(new SendEmail(UUID.randomUUID(), Instant.now(), "maria@exemplo.com.br",
                            "Seu código de confirmação", "Seu código é 123456.", "pt-BR", "web-chat",
                            "+5511987654321"));

                    MimeMessage[] received = smtp.getReceivedMessages();
                    assertThat(received).hasSize(1);
                    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("maria@exemplo.com.br");
                    assertThat(received[0].getFrom()[0].toString()).contains("nao-responda@empresa.com.br");
                    assertThat(received[0].getSubject()).isEqualTo("Seu código de confirmação");
                    assertThat(GreenMailUtil.getBody(received[0])).contains("123456");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMailServerThatCannotBeReachedFailsTheHandlingSoTheBusRetries() {
        int closed = smtp.getSmtp().getPort();
        smtp.stop();
        context.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + closed)
                .run(started -> {
                    var handler = (EventHandler<SendEmail>) subscribed.get(SendEmail.class);
                    assertThatThrownBy(() -> handler.handle(new SendEmail(UUID.randomUUID(), Instant.now(),
                            "maria@exemplo.com.br", "s", "t", "pt-BR", "web-chat", "+5511987654321")))
                            .isInstanceOf(MailSendException.class);
                });
    }

    @Test
    void withoutAMailServerThereIsNoMailerAndNoCodes() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(EmailDelivery.class);
            assertThat(subscribed).isEmpty();
        });
    }
}
