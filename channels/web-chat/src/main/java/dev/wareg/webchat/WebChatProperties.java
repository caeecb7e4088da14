package dev.wareg.webchat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat keeps its transcripts, codes and sessions in memory only, so every dimension is bounded: it is a demo
 * channel and must not grow with the number of people who try it.
 *
 * @param maxConversations           how many transcripts are kept; beyond it, the least recently active is dropped
 * @param maxMessagesPerConversation how many messages one transcript keeps; beyond it, the oldest is dropped
 * @param conversationIdleTimeout    a transcript without new messages for this long is forgotten
 * @param maxRequestBodySize         larger request bodies are refused with 413 before they are parsed
 * @param shutdownDrain              on shutdown, how long pages may still fetch the last replies after the bus
 *                                   stopped delivering, since transcripts do not outlive the process
 * @param codeDelivery               how the one-time code reaches the number's owner; the default sends it over the
 *                                   WhatsApp Cloud API, because a code shown on the page itself proves nothing
 * @param codes                      the one-time codes that bind a browser to a number
 * @param sessions                   the sessions a correct code opens
 * @param phonePanelOnNetwork        lets the {@code phone-panel} mode listen on an address other than loopback; off,
 *                                   the web chat refuses to start so, since anyone reaching the page could sign in as
 *                                   any number. Only for a demo whose port is published on loopback (compose's demo
 *                                   profile) or not published at all
 */
@Validated
@ConfigurationProperties("wareg.web-chat")
record WebChatProperties(
        @DefaultValue("1000") @Min(1) int maxConversations,
        @DefaultValue("200") @Min(1) int maxMessagesPerConversation,
        @DefaultValue("2h") Duration conversationIdleTimeout,
        @DefaultValue("16KB") DataSize maxRequestBodySize,
        @DefaultValue("2s") Duration shutdownDrain,
        @DefaultValue("cloud-api") @NotNull CodeDeliveryChannel codeDelivery,
        @DefaultValue @Valid Codes codes,
        @DefaultValue @Valid Sessions sessions,
        @DefaultValue("false") boolean phonePanelOnNetwork) {

    WebChatProperties {
        if (conversationIdleTimeout.isNegative() || conversationIdleTimeout.isZero()) {
            throw new IllegalArgumentException("wareg.web-chat.conversation-idle-timeout must be positive");
        }
        if (maxRequestBodySize.toBytes() < 1 || maxRequestBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("wareg.web-chat.max-request-body-size must be between 1B and 2GB");
        }
    }

    /** Where a one-time code goes: a WhatsApp channel, or the demo's simulated phone on the page. */
    enum CodeDeliveryChannel {
        /** A {@code SendMessage} on channel {@code cloud-api}: the WhatsApp Cloud API delivers it. */
        CLOUD_API("cloud-api"),
        /** A {@code SendMessage} on channel {@code whatsapp-web}: the linked WhatsApp Web session delivers it. */
        WHATSAPP_WEB("whatsapp-web"),
        /**
         * No WhatsApp at all: the code is shown in a panel on the page, labelled as the number's phone. Anyone who
         * can open the page can read any number's code, so this is for demos and tests on a loopback address only.
         */
        PHONE_PANEL("phone-panel");

        private final String value;

        CodeDeliveryChannel(String value) {
            this.value = value;
        }

        /** As written in the setting; for the two WhatsApp ones also the channel name on the bus. */
        String value() {
            return value;
        }
    }

    /**
     * The defaults allow a person a few tries (a code lost, a typo) and make guessing hopeless: with 5 tries per
     * code and 3 codes per number per 15 minutes, an attacker has 15 guesses in a million per quarter hour.
     *
     * @param validity       a code works for this long after it was sent
     * @param maxAttempts    wrong codes tried for a number before its code is burned and a new one is needed
     * @param perPhone       codes sent to one number within {@code window}; more are refused with 429
     * @param perClient      codes asked for by one client address within {@code window}, whatever the numbers
     * @param window         the sliding window of both limits
     * @param maxPending     codes waiting to be used (beyond it the oldest goes), and numbers and client addresses
     *                       the limits count (when full, code requests are refused with 429 rather than forgetting
     *                       what was counted)
     */
    record Codes(
            @DefaultValue("5m") @NotNull Duration validity,
            @DefaultValue("5") @Min(1) int maxAttempts,
            @DefaultValue("3") @Min(1) int perPhone,
            @DefaultValue("10") @Min(1) int perClient,
            @DefaultValue("15m") @NotNull Duration window,
            @DefaultValue("10000") @Min(1) int maxPending) {

        Codes {
            if (validity.isNegative() || validity.isZero() || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("wareg.web-chat.codes.validity and .window must be positive");
            }
        }
    }

    /**
     * @param idleTimeout a session not used for this long ends; a page left open keeps its session by polling
     * @param max         sessions kept; beyond it, the least recently used one ends
     */
    record Sessions(
            @DefaultValue("30m") @NotNull Duration idleTimeout,
            @DefaultValue("10000") @Min(1) int max) {

        Sessions {
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("wareg.web-chat.sessions.idle-timeout must be positive");
            }
        }
    }
}
