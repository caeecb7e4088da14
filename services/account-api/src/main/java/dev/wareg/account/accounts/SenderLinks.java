package dev.wareg.account.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sender ids linked to accounts ({@code account_sender}, migration {@code V4__account_senders.sql}). Rows go with
 * their account when it is erased (the foreign key cascades), so nothing here outlives the person's data.
 */
@Repository
class SenderLinks {

    private final JdbcClient jdbc;

    SenderLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links the sender to the account, moving it from any account it was linked to before: the latest proof of a
     * number wins, as a person who changes number proves the new one.
     *
     * @return false when there is no such account (never registered, or erased)
     */
    boolean link(UUID accountId, String channel, String senderId, Instant now) {
        return jdbc.sql("""
                        insert into account_sender (channel, sender_id, account_id, linked_at)
                        select :channel, :sender, id, :now from account where id = :account
                        on conflict (channel, sender_id)
                        do update set account_id = excluded.account_id, linked_at = excluded.linked_at""")
                .param("channel", channel)
                .param("sender", senderId)
                .param("account", accountId)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update() == 1;
    }

    /**
     * Removes the sender's link to this account. A sender linked to another account keeps that link: only the
     * account's own link goes, so one account's client cannot undo another's proof.
     *
     * @return whether a link was removed (false when there was none to this account, or no such account)
     */
    boolean unlink(UUID accountId, String channel, String senderId) {
        return jdbc.sql("delete from account_sender where channel = :channel and sender_id = :sender"
                        + " and account_id = :account")
                .param("channel", channel)
                .param("sender", senderId)
                .param("account", accountId)
                .update() == 1;
    }

    /** The account's linked senders, as {@code channel:senderId}: what an erasure tells the holders of copies. */
    List<String> sendersOf(UUID accountId) {
        return jdbc.sql("select channel || ':' || sender_id from account_sender where account_id = :account"
                        + " order by linked_at, channel, sender_id")
                .param("account", accountId)
                .query(String.class)
                .list();
    }

    Optional<UUID> accountOf(String channel, String senderId) {
        return jdbc.sql("select account_id from account_sender where channel = :channel and sender_id = :sender")
                .param("channel", channel)
                .param("sender", senderId)
                .query(UUID.class)
                .optional();
    }
}
