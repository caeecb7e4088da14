package dev.wareg.platform.messaging.jdbc;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the JDBC bus ({@code wareg.messaging.bus=jdbc}), on top of {@code wareg.messaging.*}.
 *
 * @param pollInterval         how often a subscriber looks for deliveries without being notified: the longest a
 *                             lost notification (listener reconnecting) delays an event
 * @param workersPerSubscriber threads per subscriber and process, each sweeping its share of the shards; each holds
 *                             a database connection while it handles an event
 * @param purgeInterval        how often the bus forgets what it no longer needs: payloads of handled events, dead
 *                             letters and pending deliveries past their retention, outbox rows older than
 *                             {@code wareg.messaging.processed-retention}, subscribers no longer seen
 * @param deadLetterRetention  how long a dead letter waits for an operator to re-drive it before it is deleted
 * @param pendingRetention     how long a delivery may wait for its subscriber before it is deleted, and how long a
 *                             subscriber may be absent (no process running it) before events stop being fanned out
 *                             to it
 */
@Validated
@ConfigurationProperties("wareg.messaging.jdbc")
public record JdbcMessagingProperties(
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("2") @Min(1) int workersPerSubscriber,
        @DefaultValue("1m") @NotNull Duration purgeInterval,
        @DefaultValue("7d") @NotNull Duration deadLetterRetention,
        @DefaultValue("7d") @NotNull Duration pendingRetention) {

    @ConstructorBinding
    public JdbcMessagingProperties {
    }

    /** Settings with the default retentions. */
    public JdbcMessagingProperties(Duration pollInterval, int workersPerSubscriber, Duration purgeInterval) {
        this(pollInterval, workersPerSubscriber, purgeInterval, Duration.ofDays(7), Duration.ofDays(7));
    }
}
