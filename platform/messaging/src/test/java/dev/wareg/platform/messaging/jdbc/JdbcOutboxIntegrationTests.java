package dev.wareg.platform.messaging.jdbc;

import static dev.wareg.platform.messaging.EventBusContract.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.testsupport.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the outbox on PostgreSQL adds to the bus contract: durability, shared work, transactions, faults. */
class JdbcOutboxIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestBuses buses = new TestBuses();

    @AfterEach
    void close() {
        buses.close();
    }

    @Test
    void eventsPublishedWhileTheSubscriberIsDownAreDeliveredAfterARestart() throws Exception {
        DataSource database = buses.freshSchema();
        BlockingQueue<String> beforeRestart = new LinkedBlockingQueue<>();
        JdbcEventBus first = buses.bus(database, 1);
        first.subscribe("chat", MessageReceived.class, event -> beforeRestart.add(event.text()));
        first.start();
        first.publish(received("1"));
        assertThat(beforeRestart.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("1");
        first.stop();

        JdbcEventBus publisher = buses.bus(database, 1);
        publisher.publish(received("2"));
        publisher.publish(received("3"));

        List<String> afterRestart = new CopyOnWriteArrayList<>();
        JdbcEventBus second = buses.bus(database, 1);
        second.subscribe("chat", MessageReceived.class, event -> afterRestart.add(event.text()));
        second.start();

        awaitUntil(() -> afterRestart.size() == 2);
        Thread.sleep(300);
        assertThat(afterRestart).containsExactly("2", "3");
        assertThat(beforeRestart).isEmpty();
    }

    @Test
    void instancesOfOneSubscriberShareTheWorkKeepingEachPersonsOrderAndHandlingEachEventOnce() throws Exception {
        var schema = dev.wareg.testsupport.TestPostgres.freshSchema();
        Map<String, List<Integer>> handledBySender = new ConcurrentHashMap<>();
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        Set<String> inHand = ConcurrentHashMap.newKeySet();
        AtomicBoolean twice = new AtomicBoolean();
        AtomicBoolean overlapping = new AtomicBoolean();
        Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
        List<JdbcEventBus> instances = new ArrayList<>();
        for (String instance : List.of("a", "b")) {
            // A pool each, as two processes would have.
            JdbcEventBus bus = buses.bus(buses.pool(schema), 1);
            bus.subscribe("chat", MessageReceived.class, event -> {
                overlapping.compareAndSet(false, !inHand.add(event.sender()));
                twice.compareAndSet(false, !handled.add(event.eventId()));
                handledBySender.computeIfAbsent(event.sender(), sender -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(event.text()));
                byInstance.computeIfAbsent(instance, name -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(2);
                inHand.remove(event.sender());
            });
            instances.add(bus);
        }
        instances.forEach(JdbcEventBus::start);

        for (int i = 0; i < 10; i++) {
            for (int person = 0; person < 20; person++) {
                instances.get(person % 2).publish(received("+55119876543" + (10 + person), String.valueOf(i)));
            }
        }

        awaitUntil(() -> handled.size() == 200);
        Thread.sleep(300);
        assertThat(twice).isFalse();
        assertThat(overlapping).isFalse();
        assertThat(handledBySender).hasSize(20);
        handledBySender.values().forEach(texts -> assertThat(texts).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(byInstance.keySet()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aFailureInTheMiddleOfALanesTurnKeepsWhatWasHandledBeforeItAndRetriesFromTheFailure() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.bus(database, 3);
        List<String> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        bus.subscribe("chat", MessageReceived.class, event -> {
            attempts.add(event.text());
            if (event.text().equals("3") && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("transient");
            }
        });
        for (int i = 0; i < 6; i++) {
            bus.publish(received(String.valueOf(i)));
        }
        bus.start();

        awaitUntil(() -> attempts.contains("5"));
        assertThat(attempts).containsExactly("0", "1", "2", "3", "3", "4", "5");
    }

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverDeliveredAndOneCommittedOnlyAfterTheCommit()
            throws Exception {
        DataSource database = buses.freshSchema();
        var transactions = new TransactionTemplate(new JdbcTransactionManager(database));
        JdbcEventBus bus = buses.bus(database, 1);
        List<String> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        bus.start();

        transactions.executeWithoutResult(transaction -> {
            bus.publish(received("rolled back"));
            transaction.setRollbackOnly();
        });
        transactions.executeWithoutResult(transaction -> {
            bus.publish(received("committed"));
            sleep(Duration.ofMillis(500));
            assertThat(handled).isEmpty();
        });
        bus.publish(received("after"));

        awaitUntil(() -> handled.contains("after"));
        assertThat(handled).containsExactly("committed", "after");
    }

    @Test
    void whatAFailedAttemptPublishedIsRolledBackWithIt() throws Exception {
        JdbcEventBus bus = buses.bus(buses.freshSchema(), 2);
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe("chat", MessageReceived.class, event -> {
            bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "web-chat", event.sender(),
                    "attempt " + attempts.incrementAndGet(), List.of()));
            if (attempts.get() == 1) {
                throw new IllegalStateException("account-api timed out");
            }
        });
        List<String> replies = new CopyOnWriteArrayList<>();
        bus.subscribe("web-chat", SendMessage.class, reply -> replies.add(reply.text()));
        bus.start();

        bus.publish(received("oi"));

        awaitUntil(() -> !replies.isEmpty());
        Thread.sleep(300);
        assertThat(replies).containsExactly("attempt 2");
    }

    /**
     * A lane's turn handles what is waiting in one transaction: the first handler runs without a savepoint, the next
     * ones behind one, so a later failure undoes only its own writes.
     */
    @Test
    void aFailureLaterInALanesTurnUndoesOnlyItsOwnWrites() throws Exception {
        JdbcEventBus bus = buses.bus(buses.freshSchema(), 2);
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            int attempt = attempts.computeIfAbsent(event.text(), text -> new AtomicInteger()).incrementAndGet();
            bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "web-chat", event.sender(),
                    event.text() + " " + attempt, List.of()));
            if (event.text().equals("dois") && attempt == 1) {
                throw new IllegalStateException("account-api timed out");
            }
        });
        List<String> replies = new CopyOnWriteArrayList<>();
        bus.subscribe("web-chat", SendMessage.class, reply -> replies.add(reply.text()));
        // Both wait in the same lane before the workers start, so one turn takes them together.
        bus.publish(received("um"));
        bus.publish(received("dois"));
        bus.start();

        awaitUntil(() -> replies.size() >= 2);
        Thread.sleep(300);
        assertThat(replies).containsExactly("um 1", "dois 2");
        assertThat(attempts.get("um")).hasValue(1);
    }

    @Test
    void deliveryGoesOnWhenTheListenersConnectionIsKilled() throws Exception {
        DataSource database = buses.freshSchema();
        // Polling so rarely that only notifications can deliver within the test's wait.
        JdbcEventBus bus = buses.bus(database, 1, Duration.ofMinutes(1), Clock.systemUTC());
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        bus.subscribe("chat", MessageReceived.class, event -> handled.add(event.text()));
        bus.start();
        awaitUntil(() -> bus.listenerBackendPid() != 0);
        // A first worker sweep may still be going on; let it end in a wait for notifications.
        Thread.sleep(300);
        bus.publish(received("before"));
        assertThat(handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("before");

        int killed = bus.listenerBackendPid();
        JdbcClient.create(database).sql("select pg_terminate_backend(?)").param(killed).query().singleValue();
        awaitUntil(() -> bus.listenerBackendPid() != 0 && bus.listenerBackendPid() != killed);
        Thread.sleep(300);
        bus.publish(received("after"));

        assertThat(handled.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
    }

    @Test
    void anUnreadableEventIsADeadLetterAtOnceAndAnUnnotifiedOneIsFoundByPolling() throws Exception {
        DataSource database = buses.freshSchema();
        JdbcEventBus bus = buses.bus(database, 5);
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe("chat", MessageReceived.class, event -> handled.incrementAndGet());
        bus.start();

        // Written as a newer producer would, and without pg_notify: only the poll finds it.
        UUID eventId = UUID.randomUUID();
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                        insert into messaging_outbox (event_id, type, payload, published_at)
                        values (?, 'MessageReceived', cast(? as jsonb), now())""")
                .param(eventId)
                .param("{\"eventId\":\"" + eventId + "\",\"type\":\"MessageReceived\",\"version\":99,"
                        + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"data\":{\"channel\":\"web-chat\","
                        + "\"channelMessageId\":\"m1\",\"sender\":\"+5511987654321\",\"text\":\"oi\"}}")
                .update();
        jdbc.sql("insert into messaging_delivery (subscriber, event_id, shard, available_at) values ('chat', ?, 3, now())")
                .param(eventId).update();

        awaitUntil(() -> !bus.list("chat", 10).isEmpty());
        assertThat(bus.list("chat", 10)).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).isEqualTo(eventId);
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(letter.reason()).contains("UnreadableEvent").contains("version 99");
        });
        assertThat(handled).hasValue(0);
    }

    @Test
    void thePurgeForgetsWhatIsOlderThanTheRetentionButKeepsDeadLettersAndRecentEvents() throws Exception {
        DataSource database = buses.freshSchema();
        var clock = new SettableClock(Instant.parse("2025-03-01T12:00:00Z"));
        JdbcEventBus bus = buses.bus(database, 1, TestBuses.POLL, clock);
        List<String> handled = new CopyOnWriteArrayList<>();
        bus.subscribe("chat", MessageReceived.class, event -> {
            if (event.text().equals("poison")) {
                throw new IllegalStateException("cannot handle");
            }
            handled.add(event.text());
        });
        bus.start();
        MessageReceived old = received("old");
        bus.publish(old);
        bus.publish(received("poison"));
        awaitUntil(() -> handled.contains("old") && !bus.list("chat", 10).isEmpty());

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        MessageReceived recent = received("recent");
        bus.publish(recent);
        awaitUntil(() -> handled.contains("recent"));
        bus.purge();

        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select count(*) from messaging_outbox").query(Integer.class).single()).isEqualTo(2);
        assertThat(bus.list("chat", 10)).extracting(DeadLetter::type).containsExactly("MessageReceived");
    }

    @Test
    void theBusMigratesASchemaThatAServicesOwnFlywayMigrationsAlreadyUse() {
        DataSource database = buses.freshSchema();
        Flyway service = Flyway.configure().dataSource(database)
                .locations("classpath:dev/wareg/platform/messaging/jdbc/service-db").load();
        service.migrate();

        buses.bus(database, 1).publish(received("oi"));

        assertThat(service.validateWithResult().validationSuccessful).isTrue();
        assertThat(service.info().current().getVersion().getVersion()).isEqualTo("1");
        JdbcClient jdbc = JdbcClient.create(database);
        assertThat(jdbc.sql("select count(*) from messaging_outbox").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
    }

    private static MessageReceived received(String text) {
        return received("+5511987654321", text);
    }

    private static MessageReceived received(String sender, String text) {
        return new MessageReceived(UUID.randomUUID(), Instant.now(), "web-chat", UUID.randomUUID().toString(),
                sender, text, true);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
