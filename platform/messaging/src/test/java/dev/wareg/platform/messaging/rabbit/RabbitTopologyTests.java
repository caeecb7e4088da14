package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RabbitTopologyTests {

    private final RabbitTopology topology = new RabbitTopology("wareg", 3);

    @Test
    void everySubscriberHasOneQueuePerShardAndOneForDeadLetters() {
        assertThat(topology.queues("update-worker"))
                .containsExactly("wareg.update-worker.0", "wareg.update-worker.1", "wareg.update-worker.2");
        assertThat(topology.deadLetterQueue("update-worker")).isEqualTo("wareg.update-worker.dead-letters");
        assertThat(topology.eventsExchange()).isEqualTo("wareg.events");
        assertThat(topology.deadLetterExchange()).isEqualTo("wareg.dead-letters");
    }

    @Test
    void aSubscriberForgettingErasedPeopleNeedsNoOrderAndHasOneQueueForEveryShard() {
        assertThat(topology.shardsOf("chat" + RabbitTopology.ERASURES)).isOne();
        assertThat(topology.queues("chat" + RabbitTopology.ERASURES)).containsExactly("wareg.chat-erasures.0");
        assertThat(topology.deadLetterQueue("chat" + RabbitTopology.ERASURES))
                .isEqualTo("wareg.chat-erasures.dead-letters");
    }

    @Test
    void anEventIsRoutedByItsTypeAndShardNeverByItsOrderingKey() {
        assertThat(RabbitTopology.routingKey("MessageReceived", 2)).isEqualTo("MessageReceived.2");
    }

    @Test
    void deadLettersExpireAfterTheRetentionUnlessNoneIsSet() {
        assertThat(new RabbitTopology("wareg", 3, Duration.ofDays(7)).deadLetterQueueArguments())
                .containsEntry("x-message-ttl", 604_800_000L).containsEntry("x-queue-type", "quorum");
        assertThat(new RabbitTopology("wareg", 3, Duration.ZERO).deadLetterQueueArguments())
                .doesNotContainKey("x-message-ttl");
    }
}
