#!/usr/bin/env bash
# Issue 18: prepares a local PostgreSQL for the back office and its tests. Idempotent; run as root (it uses the
# postgres superuser through `su`). Two roles: the owner applies migrations and owns the tables; the application
# role only reads and writes rows, so FORCE ROW LEVEL SECURITY binds it. The tests create a throwaway database per
# fixture as the owner (CREATEDB) and drop it afterwards.
# Passwords default to the role names: fine on a loopback test box, to be replaced anywhere else
# (BACKOFFICE_PG_OWNER_PASSWORD, BACKOFFICE_PG_APP_PASSWORD).
set -euo pipefail
owner_pw="${BACKOFFICE_PG_OWNER_PASSWORD:-backoffice_owner}"
app_pw="${BACKOFFICE_PG_APP_PASSWORD:-backoffice_app}"
psql_su() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtA $*"; }

if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -n | tail -1)"
pg_ctlcluster "$version" main status >/dev/null 2>&1 || pg_ctlcluster "$version" main start

psql_su <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backoffice_owner') THEN
    CREATE ROLE backoffice_owner LOGIN CREATEDB PASSWORD '${owner_pw}';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'backoffice_app') THEN
    CREATE ROLE backoffice_app LOGIN PASSWORD '${app_pw}';
  END IF;
END \$\$;
SQL
if [ "$(psql_su -c "\"SELECT 1 FROM pg_database WHERE datname = 'backoffice'\"")" != "1" ]; then
  psql_su -c "\"CREATE DATABASE backoffice OWNER backoffice_owner\""
fi
echo "PostgreSQL $version ready: database backoffice, roles backoffice_owner (migrations) and backoffice_app (the application)."
