-- Each person's data key (PersonKeys, crypto-shredding): the data of every event about a person is sealed under it,
-- and an erasure deletes the row, so that no copy of those events can be read again. subject is a hash of how
-- events name the person (PersonSubjects), never a phone or a name.
create table messaging_person_key (
    subject    text primary key,
    key_id     uuid        not null,
    secret     bytea       not null,
    created_at timestamptz not null default now()
);

-- The ids of the keys erasures destroyed: an event sealed under one of them is forgotten, not lost. A random id and a
-- time, nothing about the person.
create table messaging_destroyed_person_key (
    key_id       uuid primary key,
    destroyed_at timestamptz not null default now()
);
