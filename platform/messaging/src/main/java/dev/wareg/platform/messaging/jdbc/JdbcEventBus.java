package dev.wareg.platform.messaging.jdbc;

import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.ErasedPerson;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.PermanentFailure;
import dev.wareg.platform.messaging.ProcessedEvents;
import dev.wareg.platform.messaging.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events travel through PostgreSQL: {@link #publish} writes the event and one delivery per subscriber of its type
 * in the caller's transaction (a transactional outbox), and workers in every process that subscribed hand the
 * deliveries to their handlers. Nothing is lost on a restart.
 *
 * <p><b>Order.</b> A subscriber's deliveries are spread over lanes by {@link MessagingProperties#shardOf}. Only a
 * lane's head (its oldest pending delivery) is ever handled, and only by the worker that holds the lane's advisory
 * lock ({@link Deliveries#lockLane}) for the whole transaction of handling it. The lock, not a lock on the head
 * row, is what keeps a lane one at a time: with {@code FOR UPDATE SKIP LOCKED} on rows, a second instance would skip
 * the locked head and take the next delivery of the same person. Lanes of a subscriber are shared out among its
 * workers (worker {@code i} of {@code n} sweeps shards {@code i, i + n, ...}); other instances of the subscriber
 * sweep the same lanes and skip those whose lock is taken.
 *
 * <p><b>One transaction per turn of a lane.</b> Handlers run inside the transaction that holds the lane, so whatever
 * one writes through the same {@link DataSource} (events it publishes in turn) commits together with the deletion of
 * its delivery. A handler that throws is undone: the turn's first by rolling the transaction back (it held nothing
 * else), the others back to a savepoint taken before them; a transaction then counts the attempt and sets when the
 * lane may try again, or buries the event as a dead letter after {@code maxAttempts}, so the lane goes on with the
 * next one. A process that dies mid-handling releases the lane with its connection and the event is delivered again.
 */
final class JdbcEventBus implements EventBus, DeadLetters, SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventBus.class);

    /**
     * Events handled from one lane before a worker looks at its other lanes, so that no lane starves the rest. They
     * are handled in one transaction, each behind its own savepoint, so that a turn costs one commit rather than one
     * per event; a failure ends the turn, since the lane then waits for the retry.
     */
    private static final int LANE_TURN = 32;

    /** The bus's own subscriber that forgets erased people ({@link #forgetErasedPeople}). */
    static final String FORGETTING = "bus-erasures";

    /**
     * Nothing to look up: a delivery row exists only until the transaction that handles it commits, and the
     * outbox's primary key keeps an event id published again (within the retention) from being fanned out again,
     * so the rows themselves are the record of what each subscriber handled.
     */
    private static final ProcessedEvents NOTHING_TO_SKIP = new ProcessedEvents() {
        @Override
        public boolean isProcessed(String subscriber, UUID eventId) {
            return false;
        }

        @Override
        public void markProcessed(String subscriber, UUID eventId) {
        }
    };

    private final Deliveries deliveries;
    private final Subscriptions subscriptions;
    private final TransactionTemplate transactions;
    private final EventCodec codec;
    private final EventTracing tracing;
    private final MessagingProperties properties;
    private final JdbcMessagingProperties settings;
    private final Clock clock;
    private final DeadLetterCounter deadLetterCounter;
    private final Wakeups wakeups = new Wakeups();
    private final NotificationListener listener;
    private final List<Thread> workers = new ArrayList<>();
    /** The subscribers whose workers run, guarded by {@code this}. */
    private final Set<String> working = new HashSet<>();
    private ScheduledExecutorService housekeeping;
    private volatile boolean running;

    JdbcEventBus(DataSource dataSource, MessagingProperties properties, JdbcMessagingProperties settings,
                 EventTracing tracing, Clock clock) {
        this(dataSource, properties, settings, tracing, clock, DeadLetterCounter.NONE);
    }

    JdbcEventBus(DataSource dataSource, MessagingProperties properties, JdbcMessagingProperties settings,
                 EventTracing tracing, Clock clock, DeadLetterCounter deadLetterCounter) {
        this(dataSource, properties, settings, tracing, clock, deadLetterCounter, PersonKeys.NONE);
    }

    /** @param keys the store of each person's data key the events about them are sealed under */
    JdbcEventBus(DataSource dataSource, MessagingProperties properties, JdbcMessagingProperties settings,
                 EventTracing tracing, Clock clock, DeadLetterCounter deadLetterCounter, PersonKeys keys) {
        migrate(dataSource);
        this.codec = new EventCodec(keys);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        this.deliveries = new Deliveries(jdbc);
        this.subscriptions = new Subscriptions(NOTHING_TO_SKIP, tracing, MessagingProperties.Bus.JDBC);
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.tracing = tracing;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.deadLetterCounter = deadLetterCounter;
        this.listener = new NotificationListener(dataSource, wakeups);
    }

    /**
     * Creates or updates the bus's tables in the connection's current schema. The history table has a name of its
     * own, so the services' Flyway migrations in the same schema are not mistaken for the bus's; baselining at
     * version 0 lets the bus migrate a schema that already holds their tables.
     */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table("messaging_schema_history")
                .locations("classpath:dev/wareg/platform/messaging/jdbc/db")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Override
    public void publish(IntegrationEvent event) {
        String type = EventCodec.typeOf(event.getClass());
        if (!EventCodec.isKnownType(type)) {
            // Refused here rather than dead-lettered by every subscriber: no reader could decode it.
            throw new IllegalArgumentException(type + " is not an event type the codec knows");
        }
        try (var publishing = tracing.publishing(event, MessagingProperties.Bus.JDBC)) {
            String payload = new String(codec.encode(event, publishing.context()), StandardCharsets.UTF_8);
            try {
                deliveries.publish(event.eventId(), type, payload, properties.shardOf(event.orderingKey()),
                        clock.instant());
            } catch (RuntimeException e) {
                publishing.failed(e);
                throw e;
            }
        }
    }

    @Override
    public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        subscriptions.add(subscriber, type, handler);
        deliveries.subscribe(subscriber, EventCodec.typeOf(type), clock.instant());
        deadLetterCounter.expect(subscriber, EventCodec.typeOf(type));
        synchronized (this) {
            if (running) {
                startWorkers(subscriber);
            }
        }
    }

    @Override
    public List<DeadLetter> list(String subscriber, int limit) {
        return deliveries.dead(subscriber, limit);
    }

    @Override
    public boolean redrive(String subscriber, UUID eventId) {
        return deliveries.redrive(subscriber, eventId, clock.instant());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (String subscriber : subscriptions.subscribers()) {
            startWorkers(subscriber);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("bus-purge").daemon(true).factory());
        long every = settings.purgeInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Lets every handler finish the event it has, then stops the workers and the listener. */
    @Override
    public void stop() {
        List<Thread> stopping;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopping = List.copyOf(workers);
            workers.clear();
            working.clear();
        }
        wakeups.all();
        housekeeping.shutdownNow();
        try {
            for (Thread worker : stopping) {
                worker.join(Duration.ofSeconds(30));
            }
            wakeups.clear();
            listener.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Forgets what nobody needs any more, so that nothing is kept indefinitely: dead letters and pending deliveries
     * past their retention, subscriptions no process ran for the pending retention (a switched-off channel would
     * otherwise collect every event for ever), the payloads of handled events, and outbox rows older than the
     * processed-event retention.
     */
    void purge() {
        Instant now = clock.instant();
        transactions.executeWithoutResult(transaction -> {
            deliveries.seen(subscriptions.subscribers(), now);
            int dead = deliveries.purgeDead(now.minus(settings.deadLetterRetention()));
            int pending = deliveries.purgePending(now.minus(settings.pendingRetention()));
            int absent = deliveries.dropAbsentSubscribers(now.minus(settings.pendingRetention()));
            int payloads = deliveries.forgetHandledPayloads();
            int events = deliveries.purgeOutbox(now.minus(properties.processedRetention()));
            if (dead + pending + absent > 0) {
                log.info("Purged {} dead letters older than {}, {} deliveries pending longer than {} and {}"
                                + " subscriptions not seen for as long", dead, settings.deadLetterRetention(), pending,
                        settings.pendingRetention(), absent);
            }
            log.debug("Dropped {} payloads of handled events, purged {} outbox events", payloads, events);
        });
    }

    /**
     * Makes this bus forget a person when their account is erased ({@link AccountErased}): every event about them
     * published up to the erasure's announcement, with its deliveries, pending or dead (see {@link #forget}). It is
     * a subscriber of its own ({@value #FORGETTING}), so it happens once per erasure however many processes share
     * the outbox, survives a restart, and is retried like any handler.
     */
    void forgetErasedPeople() {
        subscribe(FORGETTING, AccountErased.class, this::forget);
    }

    /**
     * Events are found by content, not by ordering key: the outbox stores only the key's shard. The announcement
     * itself and whatever is published after it (the chat telling the person their data is gone) are left to be
     * delivered; their payloads are dropped once handled, like every event's.
     */
    void forget(AccountErased erased) {
        Instant until = deliveries.publishedAt(erased.eventId()).orElse(clock.instant());
        List<UUID> about = deliveries.about(ErasedPerson.of(erased), until, erased.eventId());
        int forgotten = deliveries.forget(about);
        log.info("Forgot {} events about erased account {}", forgotten, erased.accountId());
    }

    /** For fault tests: the database process the listener uses now, 0 while it reconnects. */
    int listenerBackendPid() {
        return listener.backendPid();
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Purging the event outbox failed, trying again in {}: {}", settings.purgeInterval(),
                    Subscriptions.reason(e));
        }
    }

    private void startWorkers(String subscriber) {
        if (!working.add(subscriber)) {
            return;
        }
        if (workers.isEmpty()) {
            listener.start();
        }
        int count = Math.min(settings.workersPerSubscriber(), properties.shards());
        for (int worker = 0; worker < count; worker++) {
            int first = worker;
            Wakeup wakeup = wakeups.add(subscriber);
            workers.add(Thread.ofPlatform().name("bus-" + subscriber + "-" + worker).daemon(true)
                    .start(() -> work(subscriber, first, count, wakeup)));
        }
    }

    private void work(String subscriber, int first, int step, Wakeup wakeup) {
        while (running) {
            long seen = wakeup.generation();
            Duration idle;
            try {
                idle = sweep(subscriber, first, step);
            } catch (RuntimeException e) {
                log.warn("{} could not take its deliveries, trying again in {}: {}", subscriber,
                        settings.pollInterval(), Subscriptions.reason(e));
                idle = settings.pollInterval();
            }
            if (!idle.isZero()) {
                try {
                    wakeup.await(seen, idle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Handles what is due in the worker's lanes.
     *
     * @return zero when it handled something (there may be more), else how long until a lane's head is due or the
     * next poll
     */
    private Duration sweep(String subscriber, int first, int step) {
        Instant now = clock.instant();
        Duration idle = settings.pollInterval();
        boolean progressed = false;
        for (Map.Entry<Integer, Instant> head : deliveries.heads(subscriber, first, step, properties.shards())
                .entrySet()) {
            if (head.getValue().isAfter(now)) {
                idle = min(idle, Duration.between(now, head.getValue()));
                continue;
            }
            if (running && handleLane(subscriber, head.getKey())) {
                progressed = true;
            }
        }
        return progressed ? Duration.ZERO : min(idle, settings.pollInterval()).plusMillis(1);
    }

    /** @return whether the lane's head was due and handled (or failed, or buried), so the lane may go on */
    private boolean handleLane(String subscriber, int shard) {
        List<UUID> handled = new ArrayList<>();
        boolean progressed;
        try {
            progressed = Boolean.TRUE.equals(transactions.execute(transaction -> {
                handled.clear();
                boolean handledAny = false;
                for (var head : deliveries.lockLane(subscriber, shard, LANE_TURN)) {
                    if (!running || head.availableAt().isAfter(clock.instant())) {
                        break;
                    }
                    boolean first = !handledAny;
                    handledAny = true;
                    EventCodec.Decoded decoded;
                    try {
                        decoded = codec.decode(head.payload().getBytes(StandardCharsets.UTF_8));
                    } catch (EventCodec.ForgottenEvent e) {
                        // Its person was erased after it was published: nothing is left to do with it.
                        log.info("{} dropped {} {} (shard {}): {}", subscriber, head.type(), head.eventId(), shard,
                                e.getMessage());
                        deliveries.done(head.id(), head.eventId());
                        handled.add(head.eventId());
                        continue;
                    } catch (EventCodec.UnreadableEvent e) {
                        // No attempt could read it better: a dead letter at once, for an operator to look at.
                        log.error("{} cannot read {} {} (shard {}), a dead letter now: {}", subscriber, head.type(),
                                head.eventId(), shard, e.getMessage());
                        deliveries.bury(head.id(), head.attempts() + 1, Subscriptions.reason(e), clock.instant());
                        countOnceBuried(subscriber, head.type(), Subscriptions.reason(e));
                        continue;
                    }
                    if (!handle(subscriber, shard, head, decoded, first ? null : transaction)) {
                        break;
                    }
                    handled.add(head.eventId());
                }
                return handledAny;
            }));
        } catch (UnguardedFailure failed) {
            // The turn's first handler failed: its transaction, which held nothing else, was rolled back whole.
            transactions.executeWithoutResult(transaction ->
                    recordFailure(subscriber, shard, failed.head, failed.failure, failed.retryable));
            return true;
        }
        // Two subscribers finishing the same event in transactions of their own cannot see each other's delivery
        // gone, so both may leave the payload; checked again once committed, the last one to finish always sees it.
        deliveries.forgetPayloadsOfHandled(handled);
        return progressed;
    }

    /**
     * Runs the handler. When others went before it in the transaction ({@code guard} given), it runs behind a
     * savepoint, so that a failure undoes its writes and not theirs; the turn's first handler runs without one (two
     * round trips fewer), and a failure of it rolls the whole transaction back ({@link UnguardedFailure}).
     *
     * @return whether the event was handled; if not, its retry or burial is recorded and the lane waits
     */
    private boolean handle(String subscriber, int shard, Deliveries.Head head, EventCodec.Decoded decoded,
                           TransactionStatus guard) {
        Object beforeHandler = guard == null ? null : guard.createSavepoint();
        String failure;
        boolean retryable = true;
        try {
            if (subscriptions.deliver(subscriber, decoded.event(), decoded.trace())
                    != Subscriptions.Outcome.NOT_SUBSCRIBED) {
                if (beforeHandler != null) {
                    guard.releaseSavepoint(beforeHandler);
                }
                deliveries.done(head.id(), head.eventId());
                return true;
            }
            // A type this subscriber once took (its row in messaging_subscription) but no instance here handles.
            failure = DeadLetterCounter.NO_HANDLER + head.type() + " in this process";
        } catch (PermanentFailure e) {
            // Refused for good: what the handler published first (the refusal it announces) stands, as on a
            // broker, where a publish is not undone; only the event itself becomes a dead letter.
            failure = Subscriptions.reason(e);
            retryable = false;
            if (beforeHandler != null) {
                guard.releaseSavepoint(beforeHandler);
                beforeHandler = null;
            }
        } catch (Exception e) {
            failure = Subscriptions.reason(e);
            retryable = Subscriptions.isRetryable(e);
            if (beforeHandler == null) {
                throw new UnguardedFailure(head, failure, retryable);
            }
        }
        if (beforeHandler != null) {
            guard.rollbackToSavepoint(beforeHandler);
        }
        recordFailure(subscriber, shard, head, failure, retryable);
        return false;
    }

    private void recordFailure(String subscriber, int shard, Deliveries.Head head, String failure, boolean retryable) {
        switch (AfterFailure.of(head.attempts() + 1, retryable, properties, clock.instant())) {
            case AfterFailure.RetryAt retry -> {
                log.warn("{} failed to handle {} {} (shard {}, attempt {} of {}), retrying at {}: {}", subscriber,
                        head.type(), head.eventId(), shard, retry.attempts(), properties.maxAttempts(), retry.at(),
                        failure);
                deliveries.retry(head.id(), retry.attempts(), retry.at(), failure);
            }
            case AfterFailure.Dead dead -> {
                log.error("{} gave up on {} {} (shard {}) after {} attempts: {}", subscriber, head.type(),
                        head.eventId(), shard, dead.attempts(), failure);
                deliveries.bury(head.id(), dead.attempts(), failure, clock.instant());
                countOnceBuried(subscriber, head.type(), failure);
            }
        }
    }

    /** The failure of a handler that ran without a savepoint, to be recorded once its transaction is rolled back. */
    private static final class UnguardedFailure extends RuntimeException {

        private final transient Deliveries.Head head;
        private final String failure;
        private final boolean retryable;

        UnguardedFailure(Deliveries.Head head, String failure, boolean retryable) {
            super(failure, null, false, false);
            this.head = head;
            this.failure = failure;
            this.retryable = retryable;
        }
    }

    /** Counts a dead letter when the burial commits: one rolled back leaves the event pending, not dead. */
    private void countOnceBuried(String subscriber, String type, String reason) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deadLetterCounter.parked(subscriber, type, reason);
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
