-- Stands for a service's own migrations (account-api's) in the schema the bus shares with it.
create table account (id uuid primary key);
