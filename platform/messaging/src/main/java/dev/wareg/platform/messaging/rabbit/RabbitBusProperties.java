package dev.wareg.platform.messaging.rabbit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the RabbitMQ adapter ({@code wareg.messaging.bus=rabbitmq}); the connection itself is Spring Boot's
 * ({@code spring.rabbitmq.*}), and retries, shards and attempts are the bus's ({@code wareg.messaging.*}).
 *
 * @param namespace        the first part of every exchange and queue name ({@code <namespace>.events},
 *                         {@code <namespace>.<subscriber>.<shard>}), so that several deployments can share a
 *                         virtual host
 * @param confirmTimeout   how long one publish waits for the broker's confirm before it counts as failed
 * @param publishTimeout   how long {@code publish} keeps trying (through a reconnect) before it throws
 * @param prefetch         unacknowledged deliveries per shard queue, handled one after another on the shard's
 *                         thread; more than 1 spares a round trip to the broker per event (see docs/messaging.md)
 * @param recoveryInterval how long a consumer waits before it reconnects after losing the broker
 * @param expectedSubscribers the subscribers every event of some types must reach, by subscriber name (e.g. {@code
 *                         chat-service: MessageReceived}): this service declares their queues when it starts, and a
 *                         publish of such a type that no queue takes fails instead of being confirmed and lost.
 *                         Without it, a broker confirms an event that nobody declared a queue for yet (the
 *                         consumer's service never started) and stores nothing.
 * @param deadLetterRetention how long a dead letter waits in its queue for an operator before the broker drops it
 *                         ({@code x-message-ttl} of the dead-letter queues); {@code 0s} declares them without one,
 *                         for queues declared before this setting existed, which take a policy instead
 *                         (docs/messaging.md)
 */
@Validated
@ConfigurationProperties("wareg.messaging.rabbitmq")
public record RabbitBusProperties(
        @DefaultValue("wareg") @NotBlank String namespace,
        @DefaultValue("5s") @NotNull Duration confirmTimeout,
        @DefaultValue("30s") @NotNull Duration publishTimeout,
        @DefaultValue("16") @Min(1) int prefetch,
        @DefaultValue("5s") @NotNull Duration recoveryInterval,
        Map<String, Set<String>> expectedSubscribers,
        @DefaultValue("7d") @NotNull Duration deadLetterRetention) {

    @ConstructorBinding
    public RabbitBusProperties {
        expectedSubscribers = expectedSubscribers == null ? Map.of() : Map.copyOf(expectedSubscribers);
        deadLetterRetention = deadLetterRetention == null ? Duration.ofDays(7) : deadLetterRetention;
    }

    /** Settings with the default dead-letter retention. */
    public RabbitBusProperties(String namespace, Duration confirmTimeout, Duration publishTimeout, int prefetch,
                               Duration recoveryInterval, Map<String, Set<String>> expectedSubscribers) {
        this(namespace, confirmTimeout, publishTimeout, prefetch, recoveryInterval, expectedSubscribers,
                Duration.ofDays(7));
    }

    /** Settings that expect no subscriber. */
    public RabbitBusProperties(String namespace, Duration confirmTimeout, Duration publishTimeout, int prefetch,
                               Duration recoveryInterval) {
        this(namespace, confirmTimeout, publishTimeout, prefetch, recoveryInterval, Map.of());
    }

    /** The event types some expected subscriber must get. */
    Set<String> expectedTypes() {
        return expectedSubscribers.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
