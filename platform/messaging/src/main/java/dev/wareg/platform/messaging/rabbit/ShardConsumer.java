package dev.wareg.platform.messaging.rabbit;

import com.rabbitmq.client.Channel;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.Subscriptions;
import dev.wareg.platform.messaging.TraceContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Handles the deliveries of one shard queue of one subscriber, one at a time, and acknowledges each only once its
 * outcome is settled: handled (or skipped as already handled), or parked as a dead letter.
 *
 * <p>A failing handler is retried here, on the shard's own consumer thread, with the bus's growing delay, while
 * the delivery stays unacknowledged. That is the one choice that keeps the bus's promise that a person's events
 * are handled in publication order: republishing the event to a delay queue would let the person's next event,
 * already waiting behind it in the same queue, be handled first (an "update address" overtaking the "update
 * name" it depends on). The price is that one failing event holds up its shard (1/{@code shards} of the
 * people) for at most the sum of the delays, and that the waiting happens in memory: a crash in between starts
 * the retries again on another instance, counted on from the queue's {@code x-delivery-count}.
 */
final class ShardConsumer implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(ShardConsumer.class);

    /** Set by quorum queues on a redelivery: how many times the message was delivered and came back. */
    static final String DELIVERY_COUNT = "x-delivery-count";

    /** Waits for the delay unless the bus stops first; false when it stopped. */
    @FunctionalInterface
    interface Pause {
        boolean await(Duration delay) throws InterruptedException;
    }

    /** Parks a delivery in the subscriber's dead-letter queue, confirmed; throws when it cannot. */
    @FunctionalInterface
    interface DeadLettering {
        void park(Message message, String fromQueue, String reason, int attempts);
    }

    private final String subscriber;
    private final String queue;
    private final Subscriptions subscriptions;
    private final EventCodec codec;
    private final MessagingProperties properties;
    private final Pause pause;
    private final DeadLettering deadLettering;

    ShardConsumer(String subscriber, String queue, Subscriptions subscriptions, EventCodec codec,
            MessagingProperties properties, Pause pause, DeadLettering deadLettering) {
        this.subscriber = subscriber;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.codec = codec;
        this.properties = properties;
        this.pause = pause;
        this.deadLettering = deadLettering;
    }

    private enum Outcome { SETTLED, GIVE_BACK }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        Outcome outcome;
        try {
            outcome = settle(message);
        } catch (RuntimeException e) {
            // The dead letter could not be parked (the broker is going away, most likely). Giving the delivery
            // back keeps it; the pause keeps a broker that refuses for good from being asked in a tight loop.
            log.warn("{} could not settle a delivery from {}, giving it back: {}", subscriber, queue,
                    Subscriptions.reason(e));
            pause.await(properties.retryMaxDelay());
            outcome = Outcome.GIVE_BACK;
        }
        if (outcome == Outcome.SETTLED) {
            channel.basicAck(tag, false);
        } else {
            // Back to the head of the queue for the next active consumer (or this one after a restart).
            channel.basicReject(tag, true);
        }
    }

    private Outcome settle(Message message) throws InterruptedException {
        EventCodec.Decoded decoded;
        try {
            decoded = codec.decode(message.getBody());
        } catch (EventCodec.ForgottenEvent e) {
            // Its person was erased after it was published: nothing is left to do with it.
            log.info("{} dropped message {} from {}: {}", subscriber, message.getMessageProperties().getMessageId(),
                    queue, e.getMessage());
            return Outcome.SETTLED;
        } catch (EventCodec.UnreadableEvent e) {
            // No attempt can succeed before this consumer is upgraded; the dead letter waits for that.
            log.error("{} cannot read message {} from {}: {}", subscriber,
                    message.getMessageProperties().getMessageId(), queue, e.getMessage());
            deadLettering.park(message, queue, Subscriptions.reason(e), 0);
            return Outcome.SETTLED;
        }
        String type = EventCodec.typeOf(decoded.event().getClass());
        TraceContext trace = decoded.trace().isEmpty() ? traceOf(message.getMessageProperties()) : decoded.trace();
        int maxAttempts = properties.maxAttempts();
        int attempt = 1 + earlierDeliveries(message.getMessageProperties());
        String reason = "delivered " + (attempt - 1) + " times without an outcome (the consumer stopped or crashed)";
        for (; attempt <= maxAttempts; attempt++) {
            try {
                subscriptions.deliver(subscriber, decoded.event(), trace);
                return Outcome.SETTLED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.GIVE_BACK;
            } catch (Exception e) {
                reason = Subscriptions.reason(e);
                if (!Subscriptions.isRetryable(e)) {
                    log.warn("{} refused {} {} for good: {}", subscriber, type, decoded.event().eventId(), reason);
                    deadLettering.park(message, queue, reason, attempt);
                    return Outcome.SETTLED;
                }
                log.warn("{} failed to handle {} {} (attempt {} of {}): {}", subscriber, type,
                        decoded.event().eventId(), attempt, maxAttempts, reason);
                if (attempt < maxAttempts && !pause.await(properties.delayAfter(attempt))) {
                    return Outcome.GIVE_BACK;
                }
            }
        }
        int attempts = Math.min(attempt - 1, maxAttempts);
        log.error("{} gave up on {} {} after {} attempts", subscriber, type, decoded.event().eventId(), attempts);
        deadLettering.park(message, queue, reason, attempts);
        return Outcome.SETTLED;
    }

    private static int earlierDeliveries(MessageProperties properties) {
        return properties.getHeader(DELIVERY_COUNT) instanceof Number count ? count.intValue() : 0;
    }

    static TraceContext traceOf(MessageProperties properties) {
        return new TraceContext(header(properties, "traceparent"), header(properties, "tracestate"));
    }

    private static String header(MessageProperties properties, String name) {
        Object value = properties.getHeader(name);
        return value == null ? null : value.toString();
    }
}
