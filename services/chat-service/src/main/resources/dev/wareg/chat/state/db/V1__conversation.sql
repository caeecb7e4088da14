-- The JDBC conversation store (dev.wareg.chat.state.JdbcConversationStore). Its tables are prefixed chat_ because
-- they may share a schema with other tables (the embedded default's); its Flyway history is chat_schema_history.

-- One row per live conversation. conversation_key is the SHA-256 of channel and sender (ConversationKey), so no
-- phone number is in the key or its index; the row itself holds one while the conversation lives. The document is
-- json, not jsonb: jsonb reorders object keys, and the order of the values collected is part of the conversation.
-- updated_at is the conversation's last message, what its expiry is counted from.
create table chat_conversation (
    conversation_key text        primary key,
    revision         bigint      not null,
    updated_at       timestamptz not null,
    conversation     json        not null
);

create index chat_conversation_updated_at on chat_conversation (updated_at);
