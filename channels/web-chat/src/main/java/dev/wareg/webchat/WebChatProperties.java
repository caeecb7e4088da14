package dev.wareg.webchat;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat keeps its transcripts in memory only, so every dimension is bounded: it is a demo channel and must
 * not grow with the number of people who try it.
 *
 * @param maxConversations           how many transcripts are kept; beyond it, the least recently active is dropped
 * @param maxMessagesPerConversation how many messages one transcript keeps; beyond it, the oldest is dropped
 * @param conversationIdleTimeout    a transcript without new messages for this long is forgotten
 * @param maxRequestBodySize         larger request bodies are refused with 413 before they are parsed
 * @param shutdownDrain              on shutdown, how long pages may still fetch the last replies after the bus
 *                                   stopped delivering, since transcripts do not outlive the process
 */
@Validated
@ConfigurationProperties("wareg.web-chat")
record WebChatProperties(
        @DefaultValue("1000") @Min(1) int maxConversations,
        @DefaultValue("200") @Min(1) int maxMessagesPerConversation,
        @DefaultValue("2h") Duration conversationIdleTimeout,
        @DefaultValue("16KB") DataSize maxRequestBodySize,
        @DefaultValue("2s") Duration shutdownDrain) {

    WebChatProperties {
        if (conversationIdleTimeout.isNegative() || conversationIdleTimeout.isZero()) {
            throw new IllegalArgumentException("wareg.web-chat.conversation-idle-timeout must be positive");
        }
        if (maxRequestBodySize.toBytes() < 1 || maxRequestBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("wareg.web-chat.max-request-body-size must be between 1B and 2GB");
        }
    }
}
