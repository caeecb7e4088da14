package dev.wareg.chat.handoff;

import dev.wareg.chat.conversation.Senders;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The consumer of {@link HandoffRequested}: people who asked for a human wait here, oldest first, until a staff
 * member claims them ({@code /api/handoffs}) or they have waited longer than the maximum age. One waiting entry per
 * person (channel and id on it): asking again while waiting keeps the first request's place and time. The entry's id
 * is the request's event id, so a redelivered request adds nothing, even after the entry was claimed.
 * <p>
 * On {@link AccountErased} the person's entries, waiting and claimed, are deleted, under every form of the number a
 * channel may use. Only ids reach the log: the conversation id is often a phone number.
 */
class StaffQueue implements SmartInitializingSingleton {

    static final String SUBSCRIBER = "staff-queue";
    private static final Logger log = LoggerFactory.getLogger(StaffQueue.class);

    private final HandoffStore store;
    private final EventBus bus;
    private final Clock clock;
    private final Duration maxAge;
    private final HandoffMetrics metrics;

    StaffQueue(HandoffStore store, EventBus bus, Clock clock, StaffQueueProperties properties,
               HandoffMetrics metrics) {
        this.store = store;
        this.bus = bus;
        this.clock = clock;
        this.maxAge = properties.maxAge();
        this.metrics = metrics;
    }

    /**
     * Erasures first: on a bus that declares a subscriber's bindings as it subscribes, the queue hears of erasures
     * before it can hold anyone's entry.
     */
    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, AccountErased.class, this::onErased);
        bus.subscribe(SUBSCRIBER, HandoffRequested.class, this::onRequested);
        refresh();
    }

    void onRequested(HandoffRequested request) {
        dropExpired();
        if (!request.occurredAt().isAfter(cutoff())) {
            metrics.expired(1);
            log.info("Hand-off request {} came after the queue's maximum age; dropped", request.eventId());
            return;
        }
        var added = store.add(Handoff.waiting(request.eventId(), request.channel(), request.conversationId(),
                request.language(), request.occurredAt()));
        switch (added) {
            case ADDED -> {
                metrics.requested();
                log.info("Hand-off {} waits for staff", request.eventId());
            }
            case DUPLICATE -> log.info("Hand-off {} is known already", request.eventId());
            case ALREADY_WAITING -> log.info("Hand-off request {}: the person already waits", request.eventId());
        }
        observe();
    }

    /** Who waits, oldest first. */
    List<Handoff> waiting() {
        dropExpired();
        List<Handoff> waiting = store.waiting();
        metrics.observe(waiting);
        return waiting;
    }

    /** A staff member ({@code by}, the subject of their token) takes a waiting entry. */
    HandoffStore.Claim claim(UUID id, String by) {
        dropExpired();
        HandoffStore.Claim claim = store.claim(id, clock.instant(), by);
        if (claim instanceof HandoffStore.Claim.Claimed) {
            metrics.claimed();
            log.info("Hand-off {} claimed", id);
        }
        observe();
        return claim;
    }

    void onErased(AccountErased erased) {
        Set<String> names = new HashSet<>(Senders.namesOf(erased.phone()));
        if (erased.conversationId() != null) {
            names.add(erased.conversationId());
        }
        int deleted = store.erase(names);
        log.info("Erasure {}: {} hand-off entries deleted", erased.eventId(), deleted);
        observe();
    }

    /** Drops what is too old and updates the gauges, also where no one calls the API or asks for a human. */
    @Scheduled(fixedDelay = 15, initialDelay = 15, timeUnit = TimeUnit.SECONDS)
    void refresh() {
        try {
            waiting();
        } catch (RuntimeException e) {
            // The store is unreachable for now; the gauges keep their last values until the next refresh.
            log.warn("Could not refresh the staff queue: {}", e.getClass().getName());
        }
    }

    private Instant cutoff() {
        return clock.instant().minus(maxAge);
    }

    private void dropExpired() {
        int expired = store.dropRequestedUpTo(cutoff());
        if (expired > 0) {
            metrics.expired(expired);
            log.info("{} hand-offs waited longer than {} and were dropped", expired, maxAge);
        }
    }

    private void observe() {
        metrics.observe(store.waiting());
    }
}
