package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntityNamesTests {

    private final EntityNames names = new EntityNames("wareg", 8);

    @Test
    void aTopicPerShardASubscriptionPerSubscriberAndShardAParkingQueuePerSubscriber() {
        assertThat(names.topic(5)).isEqualTo("wareg.events.5");
        assertThat(names.subscription("update-worker", 5)).isEqualTo("wareg.update-worker.5");
        assertThat(names.parkingQueue("update-worker")).isEqualTo("wareg.update-worker.dead-letters");
    }

    @Test
    void serviceBusDeadLetterQueuesAreSubEntitiesOfTheirEntity() {
        assertThat(EntityNames.deadLetterQueueOf("wareg.update-worker.dead-letters"))
                .isEqualTo("wareg.update-worker.dead-letters/$DeadLetterQueue");
        assertThat(EntityNames.deadLetterQueueOf("wareg.events.5", "wareg.update-worker.5"))
                .isEqualTo("wareg.events.5/Subscriptions/wareg.update-worker.5/$DeadLetterQueue");
    }

    @Test
    void everySubscriberOfTheProjectFitsAzuresLimits() {
        for (String subscriber : new String[] {"chat-service", "update-worker", "staff-queue", "cloud-api", "web-chat",
                "whatsapp-web", "account-api", "update-worker-erasures", "chat-service-erasures",
                "cloud-api-read-receipts-erasures", "mailer", "staff-queue"}) {
            assertThatCode(() -> names.checkSubscriber(subscriber)).as(subscriber).doesNotThrowAnyException();
        }
    }

    @Test
    void aSubscriptionNameLongerThanAzureAllowsFailsWhenSubscribingNotOnAzure() {
        // 50 characters, of which Service Bus takes 3 for "$$D" on a JMS shared durable subscription.
        assertThatCode(() -> EntityNames.checkSubscription("a".repeat(47))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntityNames.checkSubscription("a".repeat(48)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 47");
        assertThatThrownBy(() -> new EntityNames("a-namespace-far-too-long-for-a-subscription", 8)
                .checkSubscriber("update-worker-erasures")).hasMessageContaining("namespace");
    }

    @Test
    void namesHoldOnlyWhatAzureAccepts() {
        assertThatThrownBy(() -> EntityNames.checkSubscription("chat/service")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityNames.checkSubscription("chat service")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityNames.checkSubscription("-chat")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityNames.checkEntity("wareg.events.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityNames.checkEntity("a".repeat(261))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntityNames("wäreg", 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> EntityNames.checkEntity("a".repeat(260))).doesNotThrowAnyException();
        assertThatCode(() -> EntityNames.checkEntity("wareg/events_0")).doesNotThrowAnyException();
    }
}
