package dev.wareg.bench.webhook;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.rabbit.RabbitBusProperties;
import java.util.Map;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The queues chat-service would have for {@code MessageReceived}, declared without a consumer, so that every publish
 * the webhook makes is stored (and confirmed) the way it is in a deployment. Without a queue bound, the broker
 * would confirm each message at once without writing it anywhere, and the bench would measure less than the
 * durable publish it is meant to.
 * <p>
 * Names and shape follow the bus's own declaration (its {@code RabbitTopology}, which is not public): the topic
 * exchange {@code <namespace>.events}, one durable quorum queue per shard, {@code <namespace>.chat-service.<shard>},
 * bound with {@code MessageReceived.<shard>}. The consumer-side arguments (single active consumer, dead-lettering)
 * are left out: they change nothing for a publisher. The queues are emptied at start, so their depth after a run is
 * what that run published, and deleted with the exchange when the launcher stops (run.sh deletes leftovers of a
 * launcher that was killed).
 */
@Component
@ConditionalOnProperty(name = "wareg.messaging.bus", havingValue = "rabbitmq")
class SubscriberQueues implements InitializingBean, DisposableBean {

    static final String SUBSCRIBER = "chat-service";

    private final AmqpAdmin admin;
    private final String namespace;
    private final int shards;

    SubscriberQueues(AmqpAdmin admin, MessagingProperties messaging, RabbitBusProperties rabbit) {
        this.admin = admin;
        this.namespace = rabbit.namespace();
        this.shards = messaging.shards();
    }

    // Before the web server opens its port, so no delivery can come before its queue is there.
    @Override
    public void afterPropertiesSet() {
        deleteQueues();
        var exchange = new TopicExchange(exchange(), true, false);
        admin.declareExchange(exchange);
        String type = EventCodec.typeOf(MessageReceived.class);
        for (int shard = 0; shard < shards; shard++) {
            Queue queue = new Queue(queue(shard), true, false, false, Map.of("x-queue-type", "quorum"));
            admin.declareQueue(queue);
            Binding binding = BindingBuilder.bind(queue).to(exchange).with(type + "." + shard);
            admin.declareBinding(binding);
        }
    }

    @Override
    public void destroy() {
        deleteQueues();
        admin.deleteExchange(exchange());
    }

    private void deleteQueues() {
        for (int shard = 0; shard < shards; shard++) {
            admin.deleteQueue(queue(shard));
        }
    }

    private String exchange() {
        return namespace + ".events";
    }

    private String queue(int shard) {
        return namespace + "." + SUBSCRIBER + "." + shard;
    }
}
