package dev.wareg.systemtests;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A deployment's own namespace on the machine's RabbitMQ ({@code wareg.messaging.rabbitmq.namespace}), so that it
 * never meets a system a developer is running, and deleted with all it holds once the deployment is gone: every
 * quorum queue is a Raft group the broker keeps running, and a 2-core broker holding the few hundred that test runs
 * would leave behind times out on declarations.
 */
record RabbitNamespace(String name) {

    static RabbitNamespace unique(String prefix) {
        return new RabbitNamespace(prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL));
    }

    static ConnectionFactory connectionFactory() {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /** The namespace's queues and how many messages each holds (ready and unacknowledged), from rabbitmqctl. */
    Map<String, Long> queues() {
        try {
            var process = new ProcessBuilder("rabbitmqctl", "list_queues", "-q", "--no-table-headers", "name",
                    "messages").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("rabbitmqctl list_queues failed:\n" + output);
            }
            Map<String, Long> queues = new TreeMap<>();
            for (String line : output.split("\n")) {
                String[] columns = line.strip().split("\\s+");
                if (columns.length == 2 && columns[0].startsWith(name + ".")) {
                    queues.put(columns[0], Long.parseLong(columns[1]));
                }
            }
            return queues;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the namespace's queues and exchanges; what the services declared stays nowhere in the broker. */
    void delete() {
        try (Connection connection = connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            for (String queue : queues().keySet()) {
                channel.queueDelete(queue);
            }
            channel.exchangeDelete(name + ".events");
            channel.exchangeDelete(name + ".dead-letters");
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("could not delete RabbitMQ namespace " + name, e);
        }
    }
}
