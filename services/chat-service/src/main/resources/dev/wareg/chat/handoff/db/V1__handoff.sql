-- The staff queue's JDBC store (dev.wareg.chat.handoff.JdbcHandoffStore), next to the conversations' table; its
-- Flyway history is chat_handoff_schema_history.

-- One row per hand-off request, waiting (claimed_at null) or taken by staff. id is the HandoffRequested's event id,
-- so a redelivered request finds its row. conversation_key is the SHA-256 of channel and conversation id
-- (ConversationKey), so no phone number is in a key or an index; conversation_id holds the person's id in clear
-- because staff need it to answer them, and goes with the row (claimed or not) after the queue's maximum age, or
-- on the person's erasure. At most one waiting row per conversation.
create table chat_handoff (
    id               uuid        primary key,
    conversation_key text        not null,
    channel          text        not null,
    conversation_id  text        not null,
    language         text        not null,
    requested_at     timestamptz not null,
    claimed_at       timestamptz,
    claimed_by       text
);

create unique index chat_handoff_waiting on chat_handoff (conversation_key) where claimed_at is null;
create index chat_handoff_requested_at on chat_handoff (requested_at);
