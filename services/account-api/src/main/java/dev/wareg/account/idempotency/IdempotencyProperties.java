package dev.wareg.account.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its response are kept; retries within it are replayed. The worker retries
 *                  for minutes, Meta redelivers for up to a few days, so the default leaves room beyond 24 h.
 */
@ConfigurationProperties("wareg.accounts.idempotency")
record IdempotencyProperties(@DefaultValue("48h") Duration retention) {
}
