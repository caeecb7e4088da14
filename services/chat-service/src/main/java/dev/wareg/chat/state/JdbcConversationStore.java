package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Conversations in PostgreSQL ({@code chat_conversation}), on the application's own database, so that they outlive
 * a restart like the events in the JDBC bus's outbox do. Each row is a conversation under its {@link ConversationKey},
 * as {@link ConversationJson}, next to the two values the optimistic save compares ({@code revision},
 * {@code updated_at}).
 * <p>
 * The injected clock decides what counts as expired, on reads and in the save alike, so the store behaves exactly
 * like the in-memory one (and its tests need not sleep). Both compare microseconds, the precision of
 * {@code timestamptz}. Expired rows are never returned, and {@link #purgeExpired()} deletes them every minute, so
 * the values a conversation collected outlive its time to live by a minute at most.
 */
class JdbcConversationStore implements ConversationStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcConversationStore.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    /** Creates or updates the store's table first. */
    JdbcConversationStore(DataSource dataSource, Clock clock, ChatProperties properties) {
        migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.ttl = properties.conversationTtl();
    }

    /**
     * Creates or updates the store's table in the connection's current schema. The history table has a name of its
     * own, so the migrations of others in the same schema (account-api's, the JDBC bus's) are not mistaken for the
     * store's; baselining at version 0 lets the store migrate a schema that already holds their tables.
     */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table("chat_schema_history")
                .locations("classpath:dev/wareg/chat/state/db")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Override
    public Optional<Conversation> find(String channel, String sender) {
        return jdbc.sql("select conversation from chat_conversation where conversation_key = ? and updated_at > ?")
                .param(ConversationKey.of(channel, sender)).param(timestamp(expiredUpTo()))
                .query(String.class).optional()
                .map(ConversationJson::read);
    }

    /**
     * One statement, so two saves of one conversation cannot interleave: PostgreSQL either inserts the row or, if
     * one exists (a concurrent first save included), locks it and updates it only if it is still at the expected
     * revision or has expired; a save that updates nothing came second. See
     * <a href="https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT">ON CONFLICT</a>.
     */
    @Override
    public Optional<Conversation> save(Conversation conversation) {
        Conversation saved = conversation.saved();
        int stored = jdbc.sql("""
                        insert into chat_conversation (conversation_key, revision, updated_at, conversation)
                        values (?, ?, ?, cast(? as json))
                        on conflict (conversation_key) do update
                        set revision = excluded.revision, updated_at = excluded.updated_at,
                            conversation = excluded.conversation
                        where chat_conversation.revision = ? or chat_conversation.updated_at <= ?""")
                .param(ConversationKey.of(conversation.channel(), conversation.sender()))
                .param(saved.revision()).param(timestamp(saved.updatedAt())).param(ConversationJson.write(saved))
                .param(conversation.revision()).param(timestamp(expiredUpTo()))
                .update();
        return stored == 1 ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public void delete(String channel, String sender) {
        jdbc.sql("delete from chat_conversation where conversation_key = ?")
                .param(ConversationKey.of(channel, sender))
                .update();
    }

    /** @return how many expired conversations were deleted */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    int purgeExpired() {
        int purged = jdbc.sql("delete from chat_conversation where updated_at <= ?")
                .param(timestamp(expiredUpTo()))
                .update();
        log.debug("Purged {} expired conversations", purged);
        return purged;
    }

    /** A conversation last saved at or before this instant has expired. */
    private Instant expiredUpTo() {
        return clock.instant().minus(ttl);
    }

    /**
     * What the PostgreSQL driver maps to {@code timestamptz} ({@link OffsetDateTime}, not {@link Instant}), cut to
     * microseconds here rather than rounded by the driver, so an instant and its expiry are cut alike.
     */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
