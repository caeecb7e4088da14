package dev.wareg.platform.messaging.servicebus;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Azure Service Bus adapter ({@code wareg.messaging.bus=azure-service-bus}); retries, shards and
 * attempts are the bus's ({@code wareg.messaging.*}). Exactly one way to reach the broker is set:
 *
 * @param connectionString        a namespace-level SAS connection string ({@code Endpoint=sb://…;SharedAccessKeyName=…;
 *                                SharedAccessKey=…}, or the emulator's with {@code UseDevelopmentEmulator=true}); a
 *                                secret: give it from the environment ({@code WAREG_MESSAGING_SERVICEBUS_CONNECTION_STRING})
 * @param fullyQualifiedNamespace {@code <namespace>.servicebus.windows.net}, to sign in with a managed identity
 *                                (or whatever {@code DefaultAzureCredential} finds) instead of a key
 * @param url                     a plain AMQP 1.0 URL ({@code amqp://host:5672}), for a broker that is not Service Bus
 *                                (the tests' embedded Artemis); with {@link #username}/{@link #password}
 * @param namespace               the first part of every entity name, so that deployments can share a Service Bus
 *                                namespace; keep it short (subscription names have 50 characters)
 * @param publishSessions         how many publishes may be in flight at once from this process (JMS sessions are
 *                                single-threaded; each publish waits for the broker's acceptance)
 * @param prefetch                deliveries a shard consumer holds ahead of the one it handles
 * @param sendTimeout             how long one publish waits for the broker to accept it before it throws
 * @param recoveryInterval        how long a consumer waits before it opens its session again after an error
 * @param maxMessageSize          the largest encoded event accepted: 256 KB on the Standard tier (Premium: up to
 *                                100 MB, as configured on the entity); a bigger one fails when published, not later
 * @param deadLetterRetention     the time-to-live of a parked dead letter; Service Bus (and Artemis) drop it after
 * @param consumerInstances       how many instances of each subscribing service run; with
 *                                {@link #consumerInstance}, instance {@code i} consumes shards {@code i, i+n, …}
 *                                only. Service Bus has no single active consumer without sessions (not offered over
 *                                JMS), so this static split is what keeps one person's events on one consumer
 * @param consumerInstance        this instance's index, {@code 0 … consumerInstances-1} (a StatefulSet ordinal)
 */
@Validated
@ConfigurationProperties("wareg.messaging.servicebus")
public record ServiceBusProperties(
        String connectionString,
        String fullyQualifiedNamespace,
        String url,
        String username,
        String password,
        @DefaultValue("wareg") @NotBlank String namespace,
        @DefaultValue("16") @Min(1) int publishSessions,
        @DefaultValue("16") @Min(1) int prefetch,
        @DefaultValue("30s") @NotNull Duration sendTimeout,
        @DefaultValue("5s") @NotNull Duration recoveryInterval,
        @DefaultValue("256KB") @NotNull org.springframework.util.unit.DataSize maxMessageSize,
        @DefaultValue("7d") @NotNull Duration deadLetterRetention,
        @DefaultValue("1") @Min(1) int consumerInstances,
        @DefaultValue("0") @Min(0) int consumerInstance) {

    public ServiceBusProperties {
        int ways = (blank(connectionString) ? 0 : 1) + (blank(fullyQualifiedNamespace) ? 0 : 1) + (blank(url) ? 0 : 1);
        if (ways != 1) {
            throw new IllegalArgumentException("set exactly one of wareg.messaging.servicebus.connection-string,"
                    + " fully-qualified-namespace or url");
        }
        if (consumerInstance >= consumerInstances) {
            throw new IllegalArgumentException("wareg.messaging.servicebus.consumer-instance must be below"
                    + " consumer-instances");
        }
    }

    /** Settings for a plain AMQP 1.0 broker with the defaults above. */
    public static ServiceBusProperties ofUrl(String url, String namespace) {
        return new ServiceBusProperties(null, null, url, null, null, namespace, 16, 16, Duration.ofSeconds(30),
                Duration.ofSeconds(5), org.springframework.util.unit.DataSize.ofKilobytes(256), Duration.ofDays(7), 1, 0);
    }

    ServiceBusProperties withDeadLetterRetention(Duration retention) {
        return new ServiceBusProperties(connectionString, fullyQualifiedNamespace, url, username, password, namespace,
                publishSessions, prefetch, sendTimeout, recoveryInterval, maxMessageSize, retention, consumerInstances,
                consumerInstance);
    }

    ServiceBusProperties withInstance(int instance, int instances) {
        return new ServiceBusProperties(connectionString, fullyQualifiedNamespace, url, username, password, namespace,
                publishSessions, prefetch, sendTimeout, recoveryInterval, maxMessageSize, deadLetterRetention, instances,
                instance);
    }

    ServiceBusProperties withSendTimeout(Duration timeout) {
        return new ServiceBusProperties(connectionString, fullyQualifiedNamespace, url, username, password, namespace,
                publishSessions, prefetch, timeout, recoveryInterval, maxMessageSize, deadLetterRetention,
                consumerInstances, consumerInstance);
    }

    boolean consumes(int shard) {
        return shard % consumerInstances == consumerInstance;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ServiceBusProperties[namespace=" + namespace + ", connectionString=" + (blank(connectionString) ? "none"
                : "(hidden)") + ", fullyQualifiedNamespace=" + fullyQualifiedNamespace + ", url=" + url + "]";
    }
}
