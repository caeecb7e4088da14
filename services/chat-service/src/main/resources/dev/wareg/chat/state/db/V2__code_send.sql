-- The codes the chat sent over WhatsApp to each number, whoever asked (dev.wareg.chat.state.JdbcCodeSends), so that a
-- number is sent at most wareg.chat.codes-per-number.max codes within the window across every sender and instance.
-- number_key is the SHA-256 of the number (CodesPerNumber.key), never the number; sent_at holds the sends still in
-- the window, oldest first. A row whose last send left the window is deleted within a minute.
create table chat_code_send (
    number_key   text          primary key,
    sent_at      timestamptz[] not null,
    last_sent_at timestamptz   not null
);

create index chat_code_send_last_sent_at on chat_code_send (last_sent_at);
