-- AccountErased events not yet handed to the event bus: written in the transaction that erases the account, so an
-- erasure is announced if and only if it happened, whichever bus carries events (ErasureAnnouncements). A row lives
-- until the bus took the event (normally milliseconds after the commit); it holds the phone because the holders of
-- copies key what they keep by it, and it is the only value left about the person once the account row is gone.
create table account_erasure_announcement (
    event_id        uuid        primary key,
    account_id      uuid        not null,
    erased_at       timestamptz not null,
    phone           text        not null,
    request_id      uuid,
    channel         text,
    conversation_id text
);
