package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.messaging.MessagingProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's configuration (deploy/servicebus-emulator/Config.json) declares what the bus uses with the default
 * settings: the emulator creates no entity on demand, so a subscriber missing there would never get its events.
 */
class ServiceBusEmulatorConfigTests {

    /** Every subscriber name the services use (their {@code bus.subscribe} calls). */
    private static final List<String> SUBSCRIBERS = List.of("chat-service", "staff-queue", "mailer", "update-worker",
            "web-chat", "cloud-api", "cloud-api-read-receipts", "whatsapp-web");
    private static final Path CONFIG = Path.of("../../deploy/servicebus-emulator/Config.json");

    private final MessagingProperties defaults = new MessagingProperties(MessagingProperties.Bus.AZURE_SERVICE_BUS,
            5, Duration.ofSeconds(1), Duration.ofMinutes(1), 8, Duration.ofDays(7));
    private final EntityNames names = new EntityNames("wareg", defaults.shards());

    @Test
    void everySubscriberHasASubscriptionOnEveryShardTopicAndAParkingQueue() throws Exception {
        JsonNode namespace = JsonMapper.builder().build().readTree(Files.readString(CONFIG))
                .path("UserConfig").path("Namespaces").get(0);
        assertThat(namespace.path("Name").asString()).isEqualTo("sbemulatorns");
        Set<String> queues = new HashSet<>();
        namespace.path("Queues").forEach(queue -> {
            queues.add(queue.path("Name").asString());
            // Each pass of redrive or forget counts as a delivery of the letters it leaves.
            assertThat(queue.path("Properties").path("MaxDeliveryCount").asInt()).isGreaterThanOrEqualTo(1000);
        });
        List<String> expectedTopics = new ArrayList<>();
        for (int shard = 0; shard < defaults.shards(); shard++) {
            expectedTopics.add(names.topic(shard));
        }
        List<String> topics = new ArrayList<>();
        for (JsonNode topic : namespace.path("Topics")) {
            String name = topic.path("Name").asString();
            topics.add(name);
            int shard = Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
            Set<String> subscriptions = new HashSet<>();
            for (JsonNode subscription : topic.path("Subscriptions")) {
                String entity = subscription.path("Name").asString();
                subscriptions.add(entity);
                JsonNode properties = subscription.path("Properties");
                assertThat(properties.path("MaxDeliveryCount").asInt()).as(entity).isGreaterThan(defaults.maxAttempts());
                assertThat(Duration.parse(properties.path("LockDuration").asString())).as(entity)
                        .isGreaterThan(sumOfRetryDelays());
                assertThat(properties.path("RequiresSession").asBoolean()).isFalse();
            }
            for (String subscriber : SUBSCRIBERS) {
                for (String consumer : List.of(subscriber, subscriber + "-erasures")) {
                    String subscription = names.subscription(consumer, shard);
                    EntityNames.checkSubscription(subscription);
                    assertThat(subscriptions).contains(subscription + EntityNames.SHARED_DURABLE_SUFFIX);
                    assertThat(queues).contains(names.parkingQueue(consumer));
                }
            }
        }
        assertThat(topics).containsExactlyInAnyOrderElementsOf(expectedTopics);
        // The emulator's quota: 50 queues and topics in its one namespace.
        assertThat(topics.size() + queues.size()).isLessThanOrEqualTo(50);
    }

    private Duration sumOfRetryDelays() {
        Duration sum = Duration.ZERO;
        for (int attempt = 1; attempt < defaults.maxAttempts(); attempt++) {
            sum = sum.plus(defaults.delayAfter(attempt));
        }
        return sum;
    }
}
