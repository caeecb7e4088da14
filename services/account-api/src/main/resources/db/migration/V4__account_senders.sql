-- The ids a channel names a person by when it gives no phone (Meta's business-scoped user id, a WhatsApp Web LID),
-- linked to the account whose phone the person proved with a one-time code sent to it. One sender id belongs to one
-- account per channel; an account may have several. The link is the person's data: it goes with the account
-- (on delete cascade), so an erasure leaves no way back from the sender id to anything.
create table account_sender (
    channel    text        not null,
    sender_id  text        not null,
    account_id uuid        not null references account (id) on delete cascade,
    linked_at  timestamptz not null,
    primary key (channel, sender_id)
);

create index account_sender_by_account on account_sender (account_id);

-- An erasure names the linked sender ids to the holders of copies, since a conversation of such a sender is keyed by
-- its id, not by the phone: one channel:senderId per line (sender ids are visible ASCII), null when there is none.
alter table account_erasure_announcement add column senders text;
