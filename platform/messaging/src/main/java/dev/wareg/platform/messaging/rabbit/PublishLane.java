package dev.wareg.platform.messaging.rabbit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * One long-lived channel in confirm mode that many threads publish on at once, each waiting for the confirm of its
 * own message (<a href="https://www.rabbitmq.com/docs/confirms#publisher-confirms-latency">asynchronous confirms</a>).
 * Only the {@code basic.publish} is done under the lane's lock; the confirms of messages published while others
 * were in flight come back together ({@code multiple}), so a burst of publishes costs the broker and this process
 * one confirm round instead of one channel and one confirm each.
 * <p>
 * A message the broker returns (mandatory, no queue took it) is recognised by the {@value #SEQUENCE_HEADER} header
 * it was published with, since the broker sends {@code basic.return} before the confirm of the same message. When
 * the channel closes (the broker restarted, a connection failure), every message still waiting fails and the next
 * publish opens a new channel, on a new connection where the old one is gone.
 */
final class PublishLane {

    static final String SEQUENCE_HEADER = "x-publish-sequence";

    private static final MessagePropertiesConverter PROPERTIES = new DefaultMessagePropertiesConverter();

    private final ConnectionFactory connections;
    private final ReentrantLock lock = new ReentrantLock();
    private Channel channel;
    private volatile ConcurrentNavigableMap<Long, Pending> waiting = new ConcurrentSkipListMap<>();

    PublishLane(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** What became of one published message. */
    record Outcome(boolean confirmed, String returned) {
    }

    /** Publishes and returns at once; the future completes with the broker's answer, or fails with the channel. */
    CompletableFuture<Outcome> publish(String exchange, String routingKey, Message message, boolean mandatory)
            throws IOException {
        lock.lock();
        try {
            Channel open = channel();
            long sequence = open.getNextPublishSeqNo();
            Pending pending = new Pending();
            waiting.put(sequence, pending);
            AMQP.BasicProperties converted = PROPERTIES.fromMessageProperties(message.getMessageProperties(), "UTF-8");
            Map<String, Object> headers = converted.getHeaders() == null ? new HashMap<>()
                    : new HashMap<>(converted.getHeaders());
            headers.put(SEQUENCE_HEADER, sequence);
            AMQP.BasicProperties properties = converted.builder().headers(headers).build();
            try {
                open.basicPublish(exchange, routingKey, mandatory, properties, message.getBody());
            } catch (IOException | RuntimeException e) {
                waiting.remove(sequence);
                throw e;
            }
            return pending.future;
        } finally {
            lock.unlock();
        }
    }

    /** Stops waiting for a message that timed out, so that its entry does not stay behind. */
    void forget(CompletableFuture<Outcome> future) {
        waiting.values().removeIf(pending -> pending.future == future);
    }

    void close() {
        lock.lock();
        try {
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            // Closing anyway: what still waits fails through the shutdown listener.
        } finally {
            channel = null;
            lock.unlock();
        }
    }

    private Channel channel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        Channel opened = connections.createConnection().getDelegate().createChannel();
        if (opened == null) {
            throw new AmqpException("the broker has no channel left for publishing");
        }
        opened.confirmSelect();
        // Each channel its own waiting set: a late confirm of a closed channel cannot complete a new one's message.
        ConcurrentNavigableMap<Long, Pending> own = new ConcurrentSkipListMap<>();
        opened.addConfirmListener(new ConfirmListener() {
            @Override
            public void handleAck(long sequence, boolean multiple) {
                settle(own, sequence, multiple, true);
            }

            @Override
            public void handleNack(long sequence, boolean multiple) {
                settle(own, sequence, multiple, false);
            }
        });
        opened.addReturnListener(returned -> {
            Object sequence = returned.getProperties().getHeaders() == null ? null
                    : returned.getProperties().getHeaders().get(SEQUENCE_HEADER);
            if (sequence instanceof Number number) {
                Pending pending = own.get(number.longValue());
                if (pending != null) {
                    pending.returned = returned.getReplyText();
                }
            }
        });
        opened.addShutdownListener(cause -> {
            AmqpException failure = new AmqpException("channel closed before the broker confirmed: "
                    + cause.getMessage());
            own.values().forEach(pending -> pending.future.completeExceptionally(failure));
            own.clear();
        });
        waiting = own;
        channel = opened;
        return opened;
    }

    private static void settle(ConcurrentNavigableMap<Long, Pending> waiting, long sequence, boolean multiple,
                               boolean confirmed) {
        Map<Long, Pending> settled = multiple ? waiting.headMap(sequence, true) : waiting.subMap(sequence, true,
                sequence, true);
        settled.values().forEach(pending -> pending.future.complete(new Outcome(confirmed, pending.returned)));
        settled.clear();
    }

    private static final class Pending {
        final CompletableFuture<Outcome> future = new CompletableFuture<>();
        // Written by the connection's thread on basic.return, read by the same thread on the confirm after it.
        volatile String returned;
    }
}
