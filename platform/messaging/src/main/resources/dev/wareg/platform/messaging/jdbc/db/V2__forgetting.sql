-- The bus forgets (docs/messaging.md, "What the JDBC bus keeps"). An event's payload (phones, names, values) is
-- kept only while a delivery needs it: once every subscriber handled it, the row stays without its payload, for
-- the processed-event retention, so that a republished event id is still recognised.
alter table messaging_outbox alter column payload drop not null;

-- The rows that still hold a payload: what the purge and the erasure of a person look through.
create index messaging_outbox_holding on messaging_outbox (published_at) where payload is not null;

-- When a process last ran a subscriber: subscriptions not seen for the pending retention are dropped, so events
-- stop piling up for a subscriber that is gone (a switched-off channel).
alter table messaging_subscription add column last_seen_at timestamptz not null default now();
