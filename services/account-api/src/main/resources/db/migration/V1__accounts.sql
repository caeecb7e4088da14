-- One row per registered person. The phone (E.164) is the WhatsApp identity, so it is required and unique.
-- version is the optimistic lock behind the API's ETag / If-Match.
create table account (
    id          uuid        primary key,
    phone       text        not null,
    name        text,
    email       text,
    postal_code text,
    street      text,
    number      text,
    complement  text,
    district    text,
    city        text,
    state       text,
    cpf         text,
    birth_date  date,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null,
    constraint account_phone_unique unique (phone)
);

create unique index account_cpf_unique on account (cpf) where cpf is not null;
