package dev.wareg.chat;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultLanguage  the language of a conversation until the person writes in another one
 * @param conversationTtl  how long a conversation's state (and the values it collected) outlives its last message
 * @param maxMessageLength longer messages are answered with a request to send only what was asked
 * @param clientId         who chat-service is to account-api: the subject of its tokens
 * @param resumeAfter      a person writing again after this long in the middle of a form is asked whether to go on
 */
@Validated
@ConfigurationProperties("wareg.chat")
public record ChatProperties(
        @DefaultValue("pt-BR") @NotNull Locale defaultLanguage,
        @DefaultValue("30m") @NotNull Duration conversationTtl,
        @DefaultValue("1000") @Min(1) int maxMessageLength,
        @DefaultValue("chat-service") @NotBlank String clientId,
        @DefaultValue("5m") @NotNull Duration resumeAfter) {
}
