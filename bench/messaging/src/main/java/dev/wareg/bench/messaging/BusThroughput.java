package dev.wareg.bench.messaging;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.testsupport.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Publishes {@code events} {@code MessageReceived} events from {@code publishers} threads (each from 1,000 people,
 * so the shards share the load) through a real bus, wired as the services wire it, and a subscriber handles them.
 * Reports events per second from the first publish to the last handled, and percentiles of the time from publish
 * (its {@code occurredAt}) to handled. The first tenth of the events warms up and is left out of the figures.
 *
 * <p>Usage: {@code BusThroughput rabbitmq|jdbc|azure-service-bus [events] [publishers] [setting=value...]}. RabbitMQ and
 * PostgreSQL are this machine's (Spring Boot's {@code spring.rabbitmq.*} defaults; {@code TEST_POSTGRES_URL}, a fresh
 * schema per run); the Service Bus bus runs against an Apache Artemis broker (AMQP 1.0) started in this process
 * ({@link EmbeddedAmqpBroker}), since Service Bus cannot run here.
 */
public final class BusThroughput {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Bench {
    }

    public static void main(String[] args) throws Exception {
        String bus = args.length > 0 ? args[0] : "rabbitmq";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int publishers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<String> properties = new ArrayList<>(List.of("wareg.messaging.bus=" + bus, "spring.main.banner-mode=off",
                "logging.level.root=warn", "spring.threads.virtual.enabled=true"));
        properties.addAll(Arrays.asList(args).subList(Math.min(args.length, 3), args.length));
        TestPostgres.Schema schema = null;
        String namespace = null;
        EmbeddedAmqpBroker broker = null;
        if (bus.equals("azure-service-bus")) {
            broker = EmbeddedAmqpBroker.start();
            properties.addAll(List.of("wareg.messaging.servicebus.url=" + broker.url(),
                    "wareg.messaging.servicebus.namespace=b" + UUID.randomUUID().toString().substring(0, 8),
                    "spring.autoconfigure.exclude="
                            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                            + "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"));
        } else if (bus.equals("jdbc")) {
            schema = TestPostgres.freshSchema();
            properties.addAll(List.of("spring.datasource.url=" + schema.url(),
                    "spring.datasource.username=" + schema.username(),
                    "spring.datasource.password=" + schema.password(), "spring.datasource.hikari.maximum-pool-size=24"));
        } else {
            namespace = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            properties.add("wareg.messaging.rabbitmq.namespace=" + namespace);
            properties.add("spring.autoconfigure.exclude="
                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Bench.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run()) {
            run(context.getBean(EventBus.class), bus, events, publishers);
            if (namespace != null) {
                deleteTopology(context, namespace);
            }
        } finally {
            if (schema != null) {
                schema.drop();
            }
            if (broker != null) {
                broker.close();
            }
        }
    }

    private static void run(EventBus bus, String name, int events, int publishers) throws Exception {
        long[] latencyMicros = new long[events];
        long[] handledAt = new long[events];
        AtomicInteger handled = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(events);
        bus.subscribe("bench", MessageReceived.class, event -> {
            int index = Integer.parseInt(event.channelMessageId());
            Instant now = Instant.now();
            latencyMicros[index] = java.time.Duration.between(event.occurredAt(), now).toNanos() / 1_000;
            handledAt[index] = System.nanoTime();
            handled.incrementAndGet();
            all.countDown();
        });
        // Consumers start with the context; give a subscriber started afterwards a moment to bind its queues.
        Thread.sleep(2000);

        long[] publishedAt = new long[events];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(publishers)) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        publishedAt[i] = System.nanoTime();
                        bus.publish(new MessageReceived(UUID.randomUUID(), Instant.now(), "bench",
                                String.valueOf(i), "+55119" + String.format("%08d", i % 1000), "oi", true));
                    }
                    return null;
                }));
            }
            for (Future<?> publisher : running) {
                publisher.get();
            }
        }
        if (!all.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("only " + handled.get() + " of " + events + " handled");
        }
        int from = events / 10;
        long start = Arrays.stream(publishedAt, from, events).min().orElseThrow();
        long end = Arrays.stream(handledAt, from, events).max().orElseThrow();
        double seconds = (end - start) / 1e9;
        long[] measured = Arrays.copyOfRange(latencyMicros, from, events);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%s: %d events (%d measured) from %d publishers: %.0f events/s;"
                        + " publish to handled p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name, events, measured.length,
                publishers, measured.length / seconds, percentile(measured, 0.50), percentile(measured, 0.99),
                measured[measured.length - 1] / 1000.0);
    }

    /** The bus declares its exchanges and queues; a benchmark's are removed when it is done. */
    private static void deleteTopology(ConfigurableApplicationContext context, String namespace) {
        context.stop();
        var admin = new RabbitAdmin(context.getBean(ConnectionFactory.class));
        for (int shard = 0; shard < context.getBean(MessagingProperties.class).shards(); shard++) {
            admin.deleteQueue(namespace + ".bench." + shard);
        }
        admin.deleteQueue(namespace + ".bench.dead-letters");
        admin.deleteExchange(namespace + ".events");
        admin.deleteExchange(namespace + ".dead-letters");
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
    }
}
