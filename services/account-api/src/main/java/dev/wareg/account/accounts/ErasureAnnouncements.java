package dev.wareg.account.accounts;

import dev.wareg.contracts.AccountErased;
import dev.wareg.platform.messaging.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every holder of a copy of the person's data that an account was erased ({@link AccountErased}), through
 * the event bus whichever adapter it is. account-api is the one publisher of that event, for erasures asked in a
 * conversation (the update-worker calls {@code DELETE} on its behalf) and by operators alike: it is the only party
 * that knows for certain that the erasure happened, it still holds the phone the holders key their copies by at
 * that moment, and it can record the announcement in the very transaction that erases. A worker publishing after
 * its {@code DELETE} would lose the announcement if it died in between, and could not repeat it later: the phone
 * would be gone by then.
 *
 * <p>The announcement is a row of {@code account_erasure_announcement} written with the erasure (a small outbox),
 * handed to the bus right after the commit and, should that fail (the broker is down), again by a periodic sweep
 * until it succeeds; the row is deleted in the transaction that hands it over. With the JDBC bus on the same
 * database (the embedded default) that hand-over is itself atomic; with RabbitMQ the broker confirms the event
 * before the row goes, so a crash in between repeats the event with the same id, which consumers skip.
 */
@Component
class ErasureAnnouncements {

    private static final Logger log = LoggerFactory.getLogger(ErasureAnnouncements.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final EventBus bus;
    private final TransactionTemplate separately;

    ErasureAnnouncements(JdbcClient jdbc, EventBus bus, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.bus = bus;
        this.separately = new TransactionTemplate(transactions);
        // After the erasure's commit its transaction's resources may still be bound: the hand-over needs its own.
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What the erasure of one account is to announce. */
    record Erasure(UUID accountId, Instant erasedAt, String phone, UUID requestId, String channel,
                   String conversationId, List<String> senders) {
    }

    /**
     * The event that announces an account's erasure always has the same id, derived from the account's (an account
     * is erased once), so an announcement repeated after a crash is recognised as the same event.
     */
    static UUID eventId(UUID accountId) {
        return UUID.nameUUIDFromBytes(("erased:" + accountId).getBytes(StandardCharsets.UTF_8));
    }

    /** Records the announcement in the caller's transaction and hands it to the bus once that commits. */
    void announce(Erasure erasure) {
        jdbc.sql("""
                        insert into account_erasure_announcement
                            (event_id, account_id, erased_at, phone, request_id, channel, conversation_id, senders)
                        values (:event, :account, :at, :phone, :request, :channel, :conversation, :senders)""")
                .param("event", eventId(erasure.accountId()))
                .param("account", erasure.accountId())
                .param("at", erasure.erasedAt().atOffset(ZoneOffset.UTC))
                .param("phone", erasure.phone())
                .param("request", erasure.requestId())
                .param("channel", erasure.channel())
                .param("conversation", erasure.conversationId())
                .param("senders", erasure.senders().isEmpty() ? null : String.join("\n", erasure.senders()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handOverQuietly();
                }
            });
        } else {
            handOverQuietly();
        }
    }

    /** Announcements an earlier hand-over could not deliver (the broker was down, the process died). */
    @Scheduled(fixedDelayString = "${wareg.accounts.erasure-announcements.retry-interval:PT10S}")
    void handOverQuietly() {
        try {
            while (handOver() == BATCH) {
                // More may be waiting.
            }
        } catch (RuntimeException e) {
            log.warn("Erasure announcements not handed to the event bus yet, retrying later: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** @return how many announcements were handed over */
    int handOver() {
        Integer handed = separately.execute(status -> {
            List<AccountErased> pending = jdbc.sql("""
                            select * from account_erasure_announcement order by erased_at
                            limit :batch for update skip locked""")
                    .param("batch", BATCH)
                    .query((row, n) -> new AccountErased(row.getObject("event_id", UUID.class),
                            row.getObject("erased_at", OffsetDateTime.class).toInstant(),
                            row.getObject("request_id", UUID.class), row.getObject("account_id", UUID.class),
                            row.getString("phone"), row.getString("channel"), row.getString("conversation_id"),
                            row.getString("senders") == null ? List.of()
                                    : List.of(row.getString("senders").split("\n"))))
                    .list();
            for (AccountErased event : pending) {
                bus.publish(event);
                jdbc.sql("delete from account_erasure_announcement where event_id = :event")
                        .param("event", event.eventId())
                        .update();
                log.info("Erasure of account {} announced", event.accountId());
            }
            return pending.size();
        });
        return handed == null ? 0 : handed;
    }
}
