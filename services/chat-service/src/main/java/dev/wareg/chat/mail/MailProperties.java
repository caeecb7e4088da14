package dev.wareg.chat.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the chat's e-mails are sent; the SMTP server itself is Spring Boot's {@code spring.mail.*}, and mail is on only
 * where {@code spring.mail.host} is set.
 *
 * @param from the sender address of every e-mail, e.g. {@code Cadastro <nao-responda@empresa.com.br>}
 */
@Validated
@ConfigurationProperties("wareg.chat.mail")
record MailProperties(@DefaultValue("nao-responda@localhost") @NotBlank String from) {
}
