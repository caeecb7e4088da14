package dev.wareg.platform.messaging;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bus                which adapter carries events: {@code in-process}, {@code jdbc} (an outbox on
 *                           PostgreSQL), {@code rabbitmq} or {@code azure-service-bus}
 * @param maxAttempts        how many times a failing handler gets the same event before it becomes a dead letter
 * @param retryDelay         the delay before the second attempt; each further attempt waits twice as long
 * @param retryMaxDelay      the longest delay between two attempts
 * @param shards             how many ordered lanes each subscriber's events are spread over by ordering key; events
 *                           of one key share a lane, so one person's messages stay in order while lanes run in
 *                           parallel. Every service of a deployment must use the same number.
 * @param processedRetention how long a subscriber remembers the events it handled, to skip redeliveries
 * @param personKeys         where each person's data key is kept, to seal the data of events about them
 *                           ({@link PersonKeys}): {@code database} (the jdbc bus's PostgreSQL; its default),
 *                           {@code redis} (shared by every service of the distributed mode), or {@code none} (events
 *                           travel unsealed; the default of the other buses). Every service of a deployment must use
 *                           the same store.
 */
@Validated
@ConfigurationProperties("wareg.messaging")
public record MessagingProperties(
        @DefaultValue("in-process") @NotNull Bus bus,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("1s") @NotNull Duration retryDelay,
        @DefaultValue("1m") @NotNull Duration retryMaxDelay,
        @DefaultValue("8") @Min(1) int shards,
        @DefaultValue("7d") @NotNull Duration processedRetention,
        PersonKeysStore personKeys) {

    public enum Bus { IN_PROCESS, JDBC, RABBITMQ, AZURE_SERVICE_BUS }

    public enum PersonKeysStore { NONE, DATABASE, REDIS }

    @ConstructorBinding
    public MessagingProperties {
    }

    /** Without a choice of {@link PersonKeys} store: the bus's default. */
    public MessagingProperties(Bus bus, int maxAttempts, Duration retryDelay, Duration retryMaxDelay, int shards,
                               Duration processedRetention) {
        this(bus, maxAttempts, retryDelay, retryMaxDelay, shards, processedRetention, null);
    }

    /** The store chosen, or the bus's default: the jdbc bus's own database, none elsewhere. */
    public PersonKeysStore personKeysStore() {
        return personKeys != null ? personKeys : bus == Bus.JDBC ? PersonKeysStore.DATABASE : PersonKeysStore.NONE;
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    public Duration delayAfter(int attempt) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempt && delay.compareTo(retryMaxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    /** The lane an ordering key's events travel in: stable across processes ({@link String#hashCode()} is). */
    public int shardOf(String orderingKey) {
        return Math.floorMod(orderingKey.hashCode(), shards);
    }
}
