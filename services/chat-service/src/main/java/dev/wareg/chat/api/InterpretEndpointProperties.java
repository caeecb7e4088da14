package dev.wareg.chat.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code POST /api/interpret}, a debugging and evaluation tool, off unless enabled.
 *
 * @param enabled     serve it at all (read by {@code @ConditionalOnBooleanProperty}; the name is what evaluation tools
 *                    set, so it stays)
 * @param token       empty: only callers on this machine (a loopback address) are answered. Set: every caller must
 *                    send {@code Authorization: Bearer <token>}, loopback ones too. At least 16 characters
 *                    ({@code openssl rand -hex 32})
 * @param maxBodySize larger request bodies are refused with 413 before they are read; the default holds the longest
 *                    message the chat accepts ({@code wareg.chat.max-message-length}, 1,000 characters) even when
 *                    every character is escaped in the JSON ({@code \u00e9}, 6 bytes each)
 */
@Validated
@ConfigurationProperties("wareg.chat.interpret-endpoint")
record InterpretEndpointProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") @NotNull @Pattern(regexp = "|.{16,}", message = "must be empty or at least 16 characters")
        String token,
        @DefaultValue("8KB") @NotNull DataSize maxBodySize) {

    @Override
    public String toString() {
        // The token stays out of any dump of the configuration.
        return "InterpretEndpointProperties[enabled=" + enabled + ", token=" + (token.isEmpty() ? "" : "***")
                + ", maxBodySize=" + maxBodySize + "]";
    }
}
