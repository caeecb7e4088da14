-- The JDBC event bus (dev.wareg.platform.messaging.jdbc). Every table is prefixed messaging_ because it shares
-- a schema with the services' own tables; its Flyway history is messaging_schema_history.

-- Each published event once, as its JSON envelope. Kept while a delivery needs it, then for the processed-event
-- retention, so that a republished event id is recognised and not fanned out again. With the delivery rows, this
-- is the record of what each subscriber handled: a delivery is deleted in the transaction that handles it.
create table messaging_outbox (
    event_id     uuid primary key,
    type         text        not null,
    payload      jsonb       not null,
    published_at timestamptz not null
);

create index messaging_outbox_published_at on messaging_outbox (published_at);

-- Who receives which type, written when a process subscribes, so that publishers in other processes fan out to
-- subscribers that are not running at the moment.
create table messaging_subscription (
    subscriber text not null,
    type       text not null,
    primary key (subscriber, type)
);

-- One row per event and subscriber until the subscriber handled it (then the row is deleted) or gave up on it
-- (status DEAD, kept for an operator). id orders a lane (subscriber, shard) by publication. The ordering key
-- itself is never stored: it may hold a phone number; shard is its hash modulo wareg.messaging.shards.
create table messaging_delivery (
    id           bigint generated always as identity primary key,
    subscriber   text        not null,
    event_id     uuid        not null references messaging_outbox (event_id),
    shard        integer     not null,
    status       text        not null default 'PENDING' check (status in ('PENDING', 'DEAD')),
    attempts     integer     not null default 0,
    available_at timestamptz not null,
    reason       text,
    dead_at      timestamptz,
    unique (subscriber, event_id)
);

-- A lane's head: the oldest pending delivery of a subscriber's shard.
create index messaging_delivery_lane on messaging_delivery (subscriber, shard, id) where status = 'PENDING';
create index messaging_delivery_dead on messaging_delivery (subscriber, dead_at, id) where status = 'DEAD';
create index messaging_delivery_event on messaging_delivery (event_id);
