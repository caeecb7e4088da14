package dev.wareg.cloudapi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The webhook's settings.
 *
 * @param verifyToken the token Meta sends when the webhook is subscribed ({@code hub.verify_token}); when empty,
 *                    every subscription attempt is refused
 * @param appSecret   the Meta app's secret, which signs every delivery; without it no delivery could be trusted, so
 *                    the channel refuses to start
 * @param maxBodySize larger deliveries are refused with 413 before more than this is read
 * @param dedupe      where the ids of the messages already handled are kept
 * @param dedupeTtl   how long a message id is remembered; Meta retries a failed delivery for up to 7 days
 * @param dedupeKeyPrefix with {@code dedupe=redis}, what the Redis keys of the ids start with, so that deployments
 *                    sharing a Redis keep their ids apart
 */
@Validated
@ConfigurationProperties("wareg.cloud-api")
record CloudApiProperties(
        @DefaultValue("") String verifyToken,
        @NotBlank String appSecret,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("memory") @NotNull Dedupe dedupe,
        @DefaultValue("7d") Duration dedupeTtl,
        @DefaultValue("wareg:cloud-api:message:") @NotBlank String dedupeKeyPrefix) {

    CloudApiProperties {
        if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("wareg.cloud-api.max-body-size must be between 1B and 2GB");
        }
        if (dedupeTtl.isNegative() || dedupeTtl.isZero()) {
            throw new IllegalArgumentException("wareg.cloud-api.dedupe-ttl must be positive");
        }
    }

    enum Dedupe {
        /** In this process only: lost on restart. For tests and the embedded default. */
        MEMORY,
        /** In Redis, shared by every instance and kept across restarts. */
        REDIS
    }
}
