package dev.wareg.whatsappweb;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp Web channel's settings: its half of the contract with the Baileys sidecar ({@code docs/channels.md}).
 *
 * @param secret        the secret shared with the sidecar, which signs every request both ways; without it no
 *                      message could be trusted, so the channel refuses to start
 * @param sidecarUrl    where the sidecar listens: replies go to {@code POST {sidecarUrl}/messages}, health is read
 *                      from {@code GET {sidecarUrl}/health}
 * @param maxBodySize   larger inbound requests are refused with 413 before more than this is read
 * @param dedupe        where the ids of the messages already handled are kept
 * @param dedupeTtl     how long a message id is remembered; the sidecar retries until it is accepted, and may
 *                      replay a backlog after a reconnect
 * @param timeout       bounds connecting to the sidecar and each of its answers when sending
 * @param healthTimeout bounds the health check's call to the sidecar, so a hung sidecar cannot hang a probe
 * @param retry         in-place retries of sends the sidecar could not take yet
 */
@Validated
@ConfigurationProperties("wareg.whatsapp-web")
record WhatsAppWebProperties(
        @NotBlank String secret,
        @DefaultValue("http://127.0.0.1:3000") @NotNull URI sidecarUrl,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("memory") @NotNull Dedupe dedupe,
        @DefaultValue("7d") Duration dedupeTtl,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("2s") @NotNull Duration healthTimeout,
        @DefaultValue @Valid Retry retry) {

    WhatsAppWebProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("wareg.whatsapp-web.max-body-size must be between 1B and 2GB");
        }
        if (dedupeTtl.isNegative() || dedupeTtl.isZero()) {
            throw new IllegalArgumentException("wareg.whatsapp-web.dedupe-ttl must be positive");
        }
    }

    enum Dedupe {
        /** In this process only: lost on restart. For tests and the embedded default. */
        MEMORY,
        /** In Redis, shared by every instance and kept across restarts. */
        REDIS
    }

    /**
     * @param maxAttempts    attempts per send, the first included; then the send becomes a dead letter
     * @param initialBackoff the longest wait before the first retry; each further retry may wait twice as long
     * @param maxBackoff     the longest wait between two attempts that the channel chooses itself
     * @param maxRetryAfter  the longest {@code Retry-After} of a 429 that is honoured as asked; a longer one is cut
     *                       to this, so one busy recipient cannot hold a consumer for minutes
     */
    record Retry(@DefaultValue("5") @Min(1) int maxAttempts,
                 @DefaultValue("500ms") @NotNull Duration initialBackoff,
                 @DefaultValue("8s") @NotNull Duration maxBackoff,
                 @DefaultValue("30s") @NotNull Duration maxRetryAfter) {
    }
}
