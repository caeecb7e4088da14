package dev.wareg.platform.messaging.jdbc;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the JDBC bus ({@code wareg.messaging.bus=jdbc}), on top of {@code wareg.messaging.*}.
 *
 * @param pollInterval         how often a subscriber looks for deliveries without being notified: the longest a
 *                             lost notification (listener reconnecting) delays an event
 * @param workersPerSubscriber threads per subscriber and process, each sweeping its share of the shards; each holds
 *                             a database connection while it handles an event
 * @param purgeInterval        how often outbox rows older than
 *                             {@code wareg.messaging.processed-retention} are deleted
 */
@Validated
@ConfigurationProperties("wareg.messaging.jdbc")
public record JdbcMessagingProperties(
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("2") @Min(1) int workersPerSubscriber,
        @DefaultValue("1h") @NotNull Duration purgeInterval) {
}
