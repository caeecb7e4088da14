package dev.wareg.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultLanguage  the language of a conversation until the person writes in another one
 * @param conversationTtl  how long a conversation's state (and the values it collected) outlives its last message
 * @param maxMessageLength longer messages are answered with a request to send only what was asked
 * @param clientId         who chat-service is to account-api: the subject of its tokens
 * @param clientKey        the EC P-256 private key chat-service signs its account-api tokens with, PEM PKCS#8 or the
 *                         base64 between the PEM lines ({@code WAREG_CHAT_CLIENTKEY}; from a Secret, never committed);
 *                         account-api holds its public key. The embedded default makes one at each start
 * @param resumeAfter      a person writing again after this long in the middle of a form is asked whether to go on
 * @param handoff          whether people can take conversations over, and where to send people when they cannot
 * @param channels         the channels a person's conversations may be kept under, so that an erasure finds them all
 */
@Validated
@ConfigurationProperties("wareg.chat")
public record ChatProperties(
        @DefaultValue("pt-BR") @NotNull Locale defaultLanguage,
        @DefaultValue("30m") @NotNull Duration conversationTtl,
        @DefaultValue("1000") @Min(1) int maxMessageLength,
        @DefaultValue("chat-service") @NotBlank String clientId,
        String clientKey,
        @DefaultValue("5m") @NotNull Duration resumeAfter,
        @DefaultValue @NotNull @Valid Handoff handoff,
        @DefaultValue({"web-chat", "cloud-api", "whatsapp-web"}) @NotEmpty List<@NotBlank String> channels) {

    /**
     * @param staffed        a consumer of {@code HandoffRequested} exists in this deployment (a staff queue, a
     *                       support inbox) and people answer it. Off by default: the bot then tells the person that no
     *                       one can take over here, instead of promising a call that nobody will make
     * @param supportContact how to reach support otherwise (a phone, an address, a page), said to the person as is;
     *                       empty to say only that no one is available here
     */
    public record Handoff(
            @DefaultValue("false") boolean staffed,
            @DefaultValue("") @NotNull String supportContact) {
    }
}
