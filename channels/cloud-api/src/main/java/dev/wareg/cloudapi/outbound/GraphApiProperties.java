package dev.wareg.cloudapi.outbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the channel sends through Meta's Graph API.
 *
 * @param accessToken          the system user's access token; without it nothing can be sent, so the channel refuses
 *                             to start
 * @param phoneNumberId        the business phone number's id (not the number itself) that sends the messages
 * @param baseUrl              Meta's Graph API, or a fake of it
 * @param version              the Graph API version in every path
 * @param timeout              bounds connecting and each answer
 * @param messagesPerSecond    the business number's throughput: Meta allows 80 messages per second by default and
 *                             up to 1,000 once upgraded
 * @param recipientBurst       how many messages one person may get at once; Meta refuses more (131056)
 * @param recipientInterval    after a burst, one message per person per this long
 * @param retry                in-place retries of rate-limited, failed (5xx) and timed-out sends
 * @param reengagementTemplate the approved template sent instead of a message Meta refuses because the person last
 *                             wrote more than 24 hours ago (131047); empty: such messages are recorded as
 *                             undeliverable
 * @param readReceipts         whether each message received is marked read (blue ticks) as soon as it is on the bus
 */
@Validated
@ConfigurationProperties("wareg.cloud-api.graph")
record GraphApiProperties(
        @NotBlank String accessToken,
        @NotBlank String phoneNumberId,
        @DefaultValue("https://graph.facebook.com") @NotNull URI baseUrl,
        @DefaultValue("v23.0") @Pattern(regexp = "v\\d+\\.\\d+") String version,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("80") @Min(1) @Max(1000) int messagesPerSecond,
        @DefaultValue("45") @Min(1) int recipientBurst,
        @DefaultValue("6s") @NotNull Duration recipientInterval,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("") String reengagementTemplate,
        @DefaultValue("true") boolean readReceipts) {

    /**
     * @param maxAttempts    attempts per send, the first included; then the send becomes a dead letter
     * @param initialBackoff the longest wait before the first retry; each further retry may wait twice as long
     * @param maxBackoff     the longest wait between two attempts
     */
    record Retry(@DefaultValue("4") @Min(1) int maxAttempts,
                        @DefaultValue("500ms") @NotNull Duration initialBackoff,
                        @DefaultValue("8s") @NotNull Duration maxBackoff) {
    }
}
