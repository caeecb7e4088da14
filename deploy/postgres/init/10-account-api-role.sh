#!/usr/bin/env bash
# account-api's own PostgreSQL role and database (compose.yaml mounts this directory as
# /docker-entrypoint-initdb.d, which the postgres image runs once, when it initialises an empty data directory).
#
# The role ACCOUNT_DB_USER logs in with ACCOUNT_DB_PASSWORD and owns the database ACCOUNT_DB_NAME, so its migrations
# create and alter the tables there (PostgreSQL 15: the public schema belongs to the database's owner), and it is
# nothing more: no superuser, no CREATEDB, no CREATEROLE, and no other database lets it connect. The superuser
# (postgres, POSTGRES_PASSWORD) stays the operator's.
#
# On a volume initialised before this script existed, run it once by hand (docs/operations.md, "PostgreSQL roles"):
#   docker compose -f deploy/compose.yaml exec postgres bash /docker-entrypoint-initdb.d/10-account-api-role.sh
# It then also hands the existing database and its tables over to the role.
set -euo pipefail

: "${ACCOUNT_DB_USER:?ACCOUNT_DB_USER: account-api's role}"
: "${ACCOUNT_DB_PASSWORD:?ACCOUNT_DB_PASSWORD: the password of account-api's role}"
: "${ACCOUNT_DB_NAME:=accounts}"

# psql's variables (:"name" an identifier, :'name' a literal) quote the values, whatever characters they hold.
psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}"
      -v role="$ACCOUNT_DB_USER" -v password="$ACCOUNT_DB_PASSWORD" -v database="$ACCOUNT_DB_NAME")

"${psql[@]}" --dbname postgres <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') AS role_missing \gset
\if :role_missing
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
\else
ALTER ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'password';
\endif
SELECT NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') AS database_missing \gset
\if :database_missing
CREATE DATABASE :"database" OWNER :"role";
\else
ALTER DATABASE :"database" OWNER TO :"role";
\endif
-- Only the owner (and the superuser) may connect to it; the role may connect to no other database.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
SQL

# What an earlier account-api made as the superuser (a volume from before this script: Flyway's history, the tables,
# their sequences and views) becomes the role's. REASSIGN OWNED cannot be used: the superuser owns the catalogs too.
"${psql[@]}" --dbname "$ACCOUNT_DB_NAME" <<'SQL'
SELECT format('ALTER SCHEMA %I OWNER TO %I', nspname, :'role') FROM pg_namespace
 WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
   AND nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%' \gexec
SELECT format('ALTER %s %I.%I OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              n.nspname, c.relname, :'role')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
   AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
   AND n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\_%'
   -- A sequence owned by a column follows its table.
   AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))) \gexec
SQL
