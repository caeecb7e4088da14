package dev.wareg.account.accounts;

import dev.wareg.platform.defaults.IdGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail in table {@code account_change} (migration {@code V2__audit_and_idempotency.sql}). */
@Repository
class ChangeLog {

    private final JdbcClient jdbc;
    private final IdGenerator ids;

    ChangeLog(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** One entry per field whose value differs between {@code before} and {@code after}. */
    void record(UUID accountId, Instant at, String kind, Origin origin, Map<String, String> before,
            Map<String, String> after, UUID reverts) {
        after.forEach((field, newValue) -> {
            String oldValue = before.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                insert(accountId, at, kind, origin, field, oldValue, newValue, reverts);
            }
        });
    }

    /** Blanks every value ever recorded for the account and records the erasure itself. */
    void recordErasure(UUID accountId, Instant at, Origin origin) {
        jdbc.sql("update account_change set old_value = null, new_value = null where account_id = :account")
                .param("account", accountId)
                .update();
        insert(accountId, at, "erased", origin, null, null, null, null);
    }

    boolean isErased(UUID accountId) {
        return jdbc.sql("select exists (select 1 from account_change where account_id = :account and kind = 'erased')")
                .param("account", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Newest first. */
    List<Change> page(UUID accountId, int page, int size) {
        return jdbc.sql("select * from account_change where account_id = :account"
                        + " order by changed_at desc, id desc limit :size offset :offset")
                .param("account", accountId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ChangeLog::change)
                .list();
    }

    long count(UUID accountId) {
        return jdbc.sql("select count(*) from account_change where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    Optional<Change> find(UUID accountId, UUID changeId) {
        return jdbc.sql("select * from account_change where account_id = :account and id = :id")
                .param("account", accountId)
                .param("id", changeId)
                .query(ChangeLog::change)
                .optional();
    }

    private void insert(UUID accountId, Instant at, String kind, Origin origin, String field, String oldValue,
            String newValue, UUID reverts) {
        jdbc.sql("""
                        insert into account_change (id, account_id, changed_at, kind, actor, channel, correlation_id,
                                                    field, old_value, new_value, reverts)
                        values (:id, :account, :at, :kind, :actor, :channel, :correlation, :field, :old, :new,
                                :reverts)""")
                .param("id", ids.next())
                .param("account", accountId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("kind", kind)
                .param("actor", origin.actor())
                .param("channel", origin.channel())
                .param("correlation", origin.correlationId())
                .param("field", field)
                .param("old", oldValue)
                .param("new", newValue)
                .param("reverts", reverts)
                .update();
    }

    private static Change change(ResultSet row, int rowNumber) throws SQLException {
        return new Change(
                row.getObject("id", UUID.class),
                row.getObject("changed_at", OffsetDateTime.class).toInstant(),
                row.getString("kind"),
                row.getString("actor"),
                row.getString("channel"),
                row.getString("correlation_id"),
                row.getString("field"),
                row.getString("old_value"),
                row.getString("new_value"),
                row.getObject("reverts", UUID.class));
    }
}
