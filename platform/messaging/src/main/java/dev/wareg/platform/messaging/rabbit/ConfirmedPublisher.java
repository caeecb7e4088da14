package dev.wareg.platform.messaging.rabbit;

import dev.wareg.platform.messaging.rabbit.PublishLane.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Sends a message and returns only once the broker confirmed it (it is then on disk in every queue it was routed
 * to). While the broker is unreachable or refuses, it tries again until {@code publishTimeout}, which covers a
 * reconnect, then throws. Sending twice is harmless: consumers skip an event id they already handled.
 * <p>
 * Publishes go round a few long-lived channels ({@link PublishLane}), many in flight on each at once. Spring's
 * template would take a cached channel per publish and keep it from others until its confirm came back (and hand
 * the wait to an executor thread): with requests on virtual threads, as many channels as concurrent publishes,
 * each with one message in flight and its own confirm (docs/benchmarks.md, "Cloud API webhook").
 *
 * @see <a href="https://www.rabbitmq.com/docs/confirms#publisher-confirms">Publisher confirms</a>
 */
final class ConfirmedPublisher {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final PublishLane[] lanes;
    private final AtomicInteger next = new AtomicInteger();
    private final Duration confirmTimeout;
    private final Duration publishTimeout;
    private final Clock clock;

    /** @param connections where the publishing channels are opened (the publishers' own connection) */
    ConfirmedPublisher(ConnectionFactory connections, int channels, Duration confirmTimeout, Duration publishTimeout,
                       Clock clock) {
        this.lanes = IntStream.range(0, channels).mapToObj(i -> new PublishLane(connections))
                .toArray(PublishLane[]::new);
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
        PublishLane lane = lanes[Math.floorMod(next.getAndIncrement(), lanes.length)];
        CompletableFuture<Outcome> answer = null;
        try {
            // Always mandatory: a message no queue took comes back, and counts as a failure where it must route.
            answer = lane.publish(exchange, routingKey, message, true);
            Outcome outcome = answer.get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!outcome.confirmed()) {
                return "not confirmed (nack)";
            }
            if (mustRoute && outcome.returned() != null) {
                return "no queue took it (" + outcome.returned() + ")";
            }
            return null;
        } catch (IOException | AmqpException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (TimeoutException e) {
            lane.forget(answer);
            return "no confirm within " + confirmTimeout;
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmqpException("interrupted while waiting for a confirm", e);
        }
    }

    /** Closes the publishing channels; a later publish opens them again. */
    void close() {
        for (PublishLane lane : lanes) {
            lane.close();
        }
    }
}
