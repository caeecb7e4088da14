package dev.wareg.platform.messaging.rabbit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends a message and returns only once the broker confirmed it (it is then on disk in every queue it was routed
 * to). While the broker is unreachable or refuses, it tries again until {@code publishTimeout}, which covers a
 * reconnect, then throws. Sending twice is harmless: consumers skip an event id they already handled.
 *
 * @see <a href="https://www.rabbitmq.com/docs/confirms#publisher-confirms">Publisher confirms</a>
 */
final class ConfirmedPublisher {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final RabbitTemplate template;
    private final Duration confirmTimeout;
    private final Duration publishTimeout;
    private final Clock clock;

    ConfirmedPublisher(RabbitTemplate template, Duration confirmTimeout, Duration publishTimeout, Clock clock) {
        this.template = template;
        this.confirmTimeout = confirmTimeout;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /**
     * @param mustRoute true when the message is meant for one existing queue: a message no queue took counts as a
     *                  failure then; an event nobody subscribed to is not one
     * @param what      names the message in the exception, without its content
     */
    void send(String exchange, String routingKey, Message message, boolean mustRoute, String what) {
        Instant deadline = clock.instant().plus(publishTimeout);
        Duration pause = FIRST_PAUSE;
        while (true) {
            String failure = sendOnce(exchange, routingKey, message, mustRoute);
            if (failure == null) {
                return;
            }
            if (clock.instant().plus(pause).isAfter(deadline)) {
                throw new AmqpException("RabbitMQ did not take " + what + " within " + publishTimeout + ": "
                        + failure);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AmqpException("interrupted while publishing " + what, e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /** @return why the broker did not take the message, or null when it did */
    private String sendOnce(String exchange, String routingKey, Message message, boolean mustRoute) {
        CorrelationData correlation = new CorrelationData();
        try {
            template.send(exchange, routingKey, message, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture()
                    .get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.ack()) {
                return "not confirmed (" + confirm.reason() + ")";
            }
            // The broker sends basic.return before the confirm of the same message, so it is known by now.
            if (mustRoute && correlation.getReturned() != null) {
                return "no queue took it (" + correlation.getReturned().getReplyText() + ")";
            }
            return null;
        } catch (AmqpException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (TimeoutException e) {
            return "no confirm within " + confirmTimeout;
        } catch (ExecutionException e) {
            return e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while waiting for a confirm", e);
        }
    }
}
