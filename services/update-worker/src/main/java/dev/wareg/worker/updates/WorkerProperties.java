package dev.wareg.worker.updates;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accountApi how to reach account-api
 * @param retry      how transient failures (timeouts, 5xx, 429, refused connections) are retried before the
 *                   request is rejected as {@code UNAVAILABLE}
 */
@Validated
@ConfigurationProperties("wareg")
record WorkerProperties(@DefaultValue AccountApi accountApi, @DefaultValue Worker worker) {

    record AccountApi(@DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
                      @DefaultValue("5s") @NotNull Duration timeout) {
    }

    /**
     * @param clientId  who the worker is to account-api: the subject of its tokens, the audit's actor
     * @param clientKey the EC P-256 private key the worker signs its account-api tokens with, PEM PKCS#8 or the base64
     *                  between the PEM lines ({@code WAREG_WORKER_CLIENTKEY}; from a Secret, never committed);
     *                  account-api holds its public key. The embedded default makes one at each start
     */
    record Worker(@DefaultValue Retry retry, @DefaultValue("update-worker") @NotBlank String clientId,
                  String clientKey) {
    }

    /** Exponential backoff with full jitter: attempt n waits a random time up to min(max, initial * 2^(n-1)). */
    record Retry(@DefaultValue("4") @Min(1) int maxAttempts,
                 @DefaultValue("200ms") @NotNull Duration initialBackoff,
                 @DefaultValue("5s") @NotNull Duration maxBackoff) {
    }
}
