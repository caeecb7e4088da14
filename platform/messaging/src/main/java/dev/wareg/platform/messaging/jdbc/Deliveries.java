package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.DeadLetters.DeadLetter;
import dev.wareg.platform.messaging.ErasedPerson;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The bus's tables ({@code db/V1__outbox.sql}), one statement per step of an event's way. Every statement joins
 * the caller's transaction when there is one.
 */
final class Deliveries {

    /**
     * Every bus on a database notifies here, with the payload {@code schema/subscriber/shard} for a delivery, so that
     * buses in other schemas ignore it and only the lane's worker wakes ({@link NotificationListener}).
     */
    static final String CHANNEL = "wareg_messaging";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest pending delivery of a lane, with what the handler needs. */
    record Head(long id, UUID eventId, String type, String payload, int attempts, Instant availableAt) {
    }

    /**
     * Writes the event and one delivery per subscriber of its type, in one statement, so that it is atomic even
     * outside a transaction. An event id already in the outbox is not fanned out again. One notification per
     * subscriber goes out when the surrounding transaction commits (PostgreSQL holds them until then), so consumers
     * never wake up to rows they cannot see yet.
     */
    void publish(UUID eventId, String type, String payload, int shard, Instant now) {
        jdbc.sql("""
                        with event as (
                            insert into messaging_outbox (event_id, type, payload, published_at)
                            values (?, ?, cast(? as jsonb), ?)
                            on conflict (event_id) do nothing
                            returning event_id),
                        fanned_out as (
                            insert into messaging_delivery (subscriber, event_id, shard, available_at)
                            select subscription.subscriber, event.event_id, ?, ?
                            from event join messaging_subscription subscription on subscription.type = ?
                            returning subscriber)
                        select pg_notify(?, current_schema() || '/' || subscriber || '/' || cast(? as text))
                        from fanned_out""")
                .param(eventId).param(type).param(payload).param(Timestamps.of(now))
                .param(shard).param(Timestamps.of(now)).param(type)
                .param(CHANNEL).param(shard)
                .query().listOfRows();
    }

    void subscribe(String subscriber, String type, Instant now) {
        jdbc.sql("""
                        insert into messaging_subscription (subscriber, type, last_seen_at) values (?, ?, ?)
                        on conflict (subscriber, type) do update set last_seen_at = excluded.last_seen_at""")
                .param(subscriber).param(type).param(Timestamps.of(now))
                .update();
    }

    /** Notes that this process runs these subscribers, so that their subscriptions are not dropped as absent. */
    void seen(Collection<String> subscribers, Instant now) {
        if (subscribers.isEmpty()) {
            return;
        }
        jdbc.sql("update messaging_subscription set last_seen_at = ? where subscriber = any (?)")
                .param(Timestamps.of(now)).param(subscribers.toArray(String[]::new))
                .update();
    }

    /**
     * When the head of each non-empty lane among {@code first, first + step, ...} below {@code shards} is due. One
     * index probe per lane, however long the lanes are.
     */
    Map<Integer, Instant> heads(String subscriber, int first, int step, int shards) {
        Map<Integer, Instant> heads = new LinkedHashMap<>();
        jdbc.sql("""
                        select lane.shard, head.available_at
                        from generate_series(?, ?, ?) as lane(shard)
                        cross join lateral (
                            select available_at from messaging_delivery
                            where subscriber = ? and shard = lane.shard and status = 'PENDING'
                            order by id limit 1) as head""")
                .param(first).param(shards - 1).param(step).param(subscriber)
                .query(row -> {
                    heads.put(row.getInt("shard"), Timestamps.read(row, "available_at"));
                });
        return heads;
    }

    /**
     * Takes the lane for the rest of the transaction and answers its first {@code limit} pending deliveries, oldest
     * first, locked; answers none when another worker (of this process or another) has the lane. One statement, so a
     * turn of a lane costs one round trip to start. Two-key advisory locks do not overlap the one-key locks Flyway
     * takes; the schema is part of the key so that buses in other schemas of the same database do not contend.
     */
    List<Head> lockLane(String subscriber, int shard, int limit) {
        return jdbc.sql("""
                        with lane as (
                            select pg_try_advisory_xact_lock(hashtext(current_schema() || '/' || ?), ?) as taken)
                        select delivery.id, delivery.event_id, delivery.attempts, delivery.available_at, outbox.type,
                               outbox.payload::text as payload
                        from lane, messaging_delivery delivery
                        join messaging_outbox outbox on outbox.event_id = delivery.event_id
                        where lane.taken
                        and delivery.subscriber = ? and delivery.shard = ? and delivery.status = 'PENDING'
                        order by delivery.id limit ?
                        for update of delivery""")
                .param(subscriber).param(shard).param(subscriber).param(shard).param(limit)
                .query((row, n) -> new Head(row.getLong("id"), row.getObject("event_id", UUID.class),
                        row.getString("type"), row.getString("payload"), row.getInt("attempts"),
                        Timestamps.read(row, "available_at")))
                .list();
    }

    /**
     * The delivery is handled. When it was the event's last, the event's payload goes too: nobody needs it any more,
     * and it may hold a person's data. (Two last deliveries handled at the same moment in two transactions may each
     * see the other's row and both leave the payload; the purge drops it then.)
     */
    void done(long id, UUID eventId) {
        // One statement; the update sees the rows as they were before the delete, hence "another" delivery.
        jdbc.sql("""
                        with handled as (delete from messaging_delivery where id = ?)
                        update messaging_outbox set payload = null
                        where event_id = ? and payload is not null
                        and not exists (select 1 from messaging_delivery where event_id = ? and id <> ?)""")
                .param(id).param(eventId).param(eventId).param(id)
                .update();
    }

    void retry(long id, int attempts, Instant availableAt, String reason) {
        jdbc.sql("update messaging_delivery set attempts = ?, available_at = ?, reason = ? where id = ?")
                .param(attempts).param(Timestamps.of(availableAt)).param(reason).param(id)
                .update();
    }

    void bury(long id, int attempts, String reason, Instant now) {
        jdbc.sql("""
                        update messaging_delivery set status = 'DEAD', attempts = ?, reason = ?, dead_at = ?
                        where id = ?""")
                .param(attempts).param(reason).param(Timestamps.of(now)).param(id)
                .update();
    }

    List<DeadLetter> dead(String subscriber, int limit) {
        return jdbc.sql("""
                        select delivery.subscriber, delivery.event_id, outbox.type, delivery.attempts, delivery.reason,
                               delivery.dead_at
                        from messaging_delivery delivery
                        join messaging_outbox outbox on outbox.event_id = delivery.event_id
                        where delivery.subscriber = ? and delivery.status = 'DEAD'
                        order by delivery.dead_at, delivery.id limit ?""")
                .param(subscriber).param(limit)
                .query((row, n) -> new DeadLetter(row.getString("subscriber"), row.getObject("event_id", UUID.class),
                        row.getString("type"), row.getInt("attempts"), row.getString("reason"),
                        Timestamps.read(row, "dead_at")))
                .list();
    }

    /**
     * Makes a dead letter pending again, in its old place: it is the oldest of its lane, so it goes first (the
     * lane lock keeps the lane one at a time even though it overtakes waiting events).
     */
    boolean redrive(String subscriber, UUID eventId, Instant now) {
        int redriven = jdbc.sql("""
                        update messaging_delivery
                        set status = 'PENDING', attempts = 0, available_at = ?, reason = null, dead_at = null
                        where subscriber = ? and event_id = ? and status = 'DEAD'""")
                .param(Timestamps.of(now)).param(subscriber).param(eventId)
                .update();
        if (redriven > 0) {
            jdbc.sql("select pg_notify(?, current_schema())").param(CHANNEL).query().listOfRows();
        }
        return redriven > 0;
    }

    /** Drops the payloads of these events where no delivery needs them any more. */
    void forgetPayloadsOfHandled(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update messaging_outbox outbox set payload = null
                        where outbox.event_id = any (?) and outbox.payload is not null
                        and not exists (select 1 from messaging_delivery delivery
                                        where delivery.event_id = outbox.event_id)""")
                .param(eventIds.toArray(UUID[]::new))
                .update();
    }

    /** Drops the payloads of events that no delivery needs any more (every subscriber handled them, or none had). */
    int forgetHandledPayloads() {
        return jdbc.sql("""
                        update messaging_outbox outbox set payload = null
                        where outbox.payload is not null
                        and not exists (select 1 from messaging_delivery delivery
                                        where delivery.event_id = outbox.event_id)""")
                .update();
    }

    /** Dead letters buried before {@code horizon}: nobody re-drove them in time. */
    int purgeDead(Instant horizon) {
        return jdbc.sql("delete from messaging_delivery where status = 'DEAD' and dead_at < ?")
                .param(Timestamps.of(horizon))
                .update();
    }

    /** Pending deliveries of events published before {@code horizon}: their subscriber has not taken them since. */
    int purgePending(Instant horizon) {
        return jdbc.sql("""
                        delete from messaging_delivery delivery using messaging_outbox outbox
                        where delivery.event_id = outbox.event_id and delivery.status = 'PENDING'
                        and outbox.published_at < ?""")
                .param(Timestamps.of(horizon))
                .update();
    }

    /** Subscriptions no process has run since {@code horizon}: publishers stop fanning out to them. */
    int dropAbsentSubscribers(Instant horizon) {
        return jdbc.sql("delete from messaging_subscription where last_seen_at < ?")
                .param(Timestamps.of(horizon))
                .update();
    }

    /** The events published up to {@code until}, other than {@code except}, that still hold a payload naming the person. */
    List<UUID> about(ErasedPerson person, Instant until, UUID except) {
        // The phone forms are digits only (ErasedPerson checks), so the path cannot be injected into.
        // Sender ids are passed as variables ($sender0, ...), never written into the path.
        StringBuilder senders = new StringBuilder();
        var variables = JsonNodeFactory.instance.objectNode().put("account", person.accountId())
                .put("conversation", person.conversationId() == null ? person.accountId() : person.conversationId());
        for (int i = 0; i < person.senderIds().size(); i++) {
            senders.append(" || @ == $sender").append(i);
            variables.put("sender" + i, person.senderIds().get(i));
        }
        // A sealed event names the person only by subject.
        for (int i = 0; i < person.subjects().size(); i++) {
            senders.append(" || @ == $subject").append(i);
            variables.put("subject" + i, person.subjects().get(i));
        }
        String path = "$.** ? (@ like_regex \"" + person.phonePattern().replace("\\", "\\\\") + "\""
                + " || @ == $account || @ == $conversation" + senders + ")";
        String vars = variables.toString();
        return jdbc.sql("""
                        select event_id from messaging_outbox
                        where payload is not null and published_at <= ? and event_id <> ?
                        and jsonb_path_exists(payload, cast(? as jsonpath), cast(? as jsonb))""")
                .param(Timestamps.of(until)).param(except).param(path).param(vars)
                .query(UUID.class)
                .list();
    }

    /** Deletes these events and every delivery of them, pending or dead. */
    int forget(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        jdbc.sql("delete from messaging_delivery where event_id = any (?)").param(ids).update();
        return jdbc.sql("delete from messaging_outbox where event_id = any (?)").param(ids).update();
    }

    /** When an event went into the outbox, if it is still there. */
    Optional<Instant> publishedAt(UUID eventId) {
        return jdbc.sql("select published_at from messaging_outbox where event_id = ?").param(eventId)
                .query((row, n) -> Timestamps.read(row, "published_at"))
                .optional();
    }

    /** Outbox rows that no delivery needs any more and that are older than {@code horizon}. */
    int purgeOutbox(Instant horizon) {
        return jdbc.sql("""
                        delete from messaging_outbox outbox
                        where outbox.published_at < ?
                        and not exists (select 1 from messaging_delivery delivery
                                        where delivery.event_id = outbox.event_id)""")
                .param(Timestamps.of(horizon))
                .update();
    }
}
