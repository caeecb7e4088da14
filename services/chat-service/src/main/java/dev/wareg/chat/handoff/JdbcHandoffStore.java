package dev.wareg.chat.handoff;

import dev.wareg.chat.state.ConversationKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff queue in PostgreSQL ({@code chat_handoff}), on the application's database like the conversations'
 * {@code chat_conversation}: a row per request, under its event id. Each operation is one statement, so instances
 * sharing the table cannot add a person twice or claim an entry twice.
 */
class JdbcHandoffStore implements HandoffStore {

    private static final String COLUMNS = "id, channel, conversation_id, language, requested_at, claimed_at, claimed_by";

    private final JdbcClient jdbc;

    /** Creates or updates the store's table first. */
    JdbcHandoffStore(DataSource dataSource) {
        migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Creates or updates the table in the connection's current schema, with a history table of its own so the
     * migrations of others in the schema (the conversations', account-api's, the JDBC bus's) are not taken for its
     * own; baselining at version 0 lets it migrate a schema that already holds their tables.
     */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table("chat_handoff_schema_history")
                .locations("classpath:dev/wareg/chat/handoff/db")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * The insert does nothing on any conflict: the same id (a redelivery, even of a claimed entry) or a waiting row
     * of the same conversation (the partial unique index {@code chat_handoff_waiting}). Which one it was is read
     * afterwards, for the log and the tests; the outcome does not depend on it.
     */
    @Override
    public Added add(Handoff waiting) {
        int inserted = jdbc.sql("insert into chat_handoff (" + COLUMNS + ", conversation_key)"
                        + " values (?, ?, ?, ?, ?, null, null, ?) on conflict do nothing")
                .param(waiting.id()).param(waiting.channel()).param(waiting.conversationId())
                .param(waiting.language()).param(timestamp(waiting.requestedAt()))
                .param(ConversationKey.of(waiting.channel(), waiting.conversationId()))
                .update();
        if (inserted == 1) {
            return Added.ADDED;
        }
        return find(waiting.id()).isPresent() ? Added.DUPLICATE : Added.ALREADY_WAITING;
    }

    @Override
    public List<Handoff> waiting() {
        return jdbc.sql("select " + COLUMNS + " from chat_handoff where claimed_at is null order by requested_at, id")
                .query(JdbcHandoffStore::handoff).list();
    }

    @Override
    public Claim claim(UUID id, Instant at, String by) {
        Optional<Handoff> claimed = jdbc.sql("update chat_handoff set claimed_at = ?, claimed_by = ?"
                        + " where id = ? and claimed_at is null returning " + COLUMNS)
                .param(timestamp(at)).param(by).param(id)
                .query(JdbcHandoffStore::handoff).optional();
        if (claimed.isPresent()) {
            return new Claim.Claimed(claimed.get());
        }
        return find(id).<Claim>map(Claim.AlreadyClaimed::new).orElseGet(Claim.Unknown::new);
    }

    @Override
    public int dropRequestedUpTo(Instant cutoff) {
        return jdbc.sql("with dropped as (delete from chat_handoff where requested_at <= ? returning claimed_at)"
                        + " select count(*) from dropped where claimed_at is null")
                .param(timestamp(cutoff))
                .query(Integer.class).single();
    }

    @Override
    public int erase(Set<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from chat_handoff where conversation_id in (:ids)")
                .param("ids", List.copyOf(conversationIds))
                .update();
    }

    private Optional<Handoff> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from chat_handoff where id = ?").param(id)
                .query(JdbcHandoffStore::handoff).optional();
    }

    private static Handoff handoff(ResultSet row, int number) throws SQLException {
        OffsetDateTime claimedAt = row.getObject("claimed_at", OffsetDateTime.class);
        return new Handoff(row.getObject("id", UUID.class), row.getString("channel"),
                row.getString("conversation_id"), row.getString("language"),
                row.getObject("requested_at", OffsetDateTime.class).toInstant(),
                claimedAt == null ? null : claimedAt.toInstant(), row.getString("claimed_by"));
    }

    /** {@code timestamptz}'s precision, cut here rather than rounded by the driver (as the conversation store does). */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
