package dev.wareg.chat.mail;

import dev.wareg.platform.messaging.EventBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** E-mail, only where an SMTP server is configured; without one the chat asks for no e-mail codes. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    Mailer mailer(JavaMailSender sender, EventBus bus, MailProperties properties) {
        return new Mailer(sender, bus, properties);
    }
}
