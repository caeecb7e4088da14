package dev.wareg.platform.messaging.rabbit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@Validated
@ConfigurationProperties("wareg.messaging.rabbitmq")
public record RabbitBusProperties(
        @DefaultValue("wareg") @NotBlank String namespace,
        @DefaultValue("5s") @NotNull Duration confirmTimeout,
        @DefaultValue("30s") @NotNull Duration publishTimeout,
        @DefaultValue("16") @Min(1) int prefetch,
        @DefaultValue("5s") @NotNull Duration recoveryInterval) {
}
