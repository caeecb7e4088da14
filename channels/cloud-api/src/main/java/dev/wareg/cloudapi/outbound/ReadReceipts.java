package dev.wareg.cloudapi.outbound;

import dev.wareg.cloudapi.CloudApiConfiguration;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventBus;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Marks each message received on this channel as read, so the person sees the blue ticks while the bot works on
 * the answer. Off the webhook's path: it follows the message on the bus, as its own subscriber. A receipt Meta does
 * not take is counted and not retried; a late blue tick is worth nothing, and the reply itself marks the chat read.
 */
class ReadReceipts implements SmartInitializingSingleton {

    static final String SUBSCRIBER = CloudApiConfiguration.CHANNEL + "-read-receipts";

    private final EventBus bus;
    private final GraphApiClient graph;
    private final GraphApiHealth health;
    private final OutboundMetrics metrics;

    ReadReceipts(EventBus bus, GraphApiClient graph, GraphApiHealth health, OutboundMetrics metrics) {
        this.bus = bus;
        this.graph = graph;
        this.health = health;
        this.metrics = metrics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, MessageReceived.class, this::markRead);
    }

    void markRead(MessageReceived message) {
        if (!CloudApiConfiguration.CHANNEL.equals(message.channel())) {
            return;
        }
        GraphResponse response = graph.post(GraphMessages.read(message.channelMessageId()));
        health.record(response);
        if (response instanceof GraphResponse.Failed failed) {
            metrics.readReceiptFailed(failed.failure());
        }
    }
}
