-- The audit trail: one row per changed field, written in the same transaction as the change.
-- Erasure nulls old_value and new_value but keeps the row: that a change happened, when and by whom.
-- account_id has no foreign key on purpose: the trail outlives an erased account.
create table account_change (
    id             uuid        primary key,
    account_id     uuid        not null,
    changed_at     timestamptz not null,
    kind           text        not null check (kind in ('created', 'updated', 'reverted', 'erased')),
    actor          text        not null,
    channel        text,
    correlation_id text,
    field          text,
    old_value      text,
    new_value      text,
    reverts        uuid
);

create index account_change_by_account on account_change (account_id, changed_at desc, id desc);

-- Responses of requests sent with an Idempotency-Key, per client, replayed when the same request comes again.
-- response_body may hold PII, so rows name the account they concern and are deleted with it on erasure.
create table idempotent_request (
    client_id       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    account_id      uuid,
    response_status int,
    response_body   text,
    created_at      timestamptz not null,
    primary key (client_id, idempotency_key)
);

create index idempotent_request_by_age on idempotent_request (created_at);
create index idempotent_request_by_account on idempotent_request (account_id);
