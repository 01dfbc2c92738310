#!/usr/bin/env bash
# Provisions a private PostgreSQL 15 cluster for ./run and ./test, unless
# REPURCH_DATABASE_URL is already set. Source it: it exports the connection
# settings the app reads. Usage: source scripts/pg.sh <name> <port> <db-prefix>
#   name:      cluster folder under .data/ (e.g. pg)
#   port:      TCP port on 127.0.0.1
#   db-prefix: database name; the sandbox plane is <db-prefix>_sandbox
set -euo pipefail

repurch_pg_up() {
  local name="$1" port="$2" db="$3"
  if [[ -n "${REPURCH_DATABASE_URL:-}" ]]; then
    echo "using REPURCH_DATABASE_URL from the environment" >&2
    return 0
  fi
  local bindir=""
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/16/bin /usr/lib/postgresql/17/bin; do
    if [[ -x "$candidate/initdb" ]]; then bindir="$candidate"; break; fi
  done
  if [[ -z "$bindir" ]]; then
    echo "error: PostgreSQL server not found. Install it with: apt-get update && apt-get install -y postgresql-15" >&2
    return 1
  fi
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local dir="$root/.data/$name"
  local as=()
  mkdir -p "$dir"
  if [[ "$(id -u)" == "0" ]]; then
    # initdb refuses root: run the cluster as the postgres user, which must be
    # able to traverse every parent folder of the data directory.
    as=(runuser -u postgres --)
    chown postgres:postgres "$dir"
    chmod 700 "$dir"
    local p="$root"
    while [[ "$p" != "/" ]]; do chmod o+x "$p" 2>/dev/null || true; p="$(dirname "$p")"; done
    chmod o+x "$root/.data" 2>/dev/null || true
  fi
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    "${as[@]}" "$bindir/initdb" -D "$dir" -A trust -U postgres --no-instructions >"$root/.data/$name-initdb.log" 2>&1 \
      || { cat "$root/.data/$name-initdb.log" >&2; return 1; }
  fi
  if "${as[@]}" "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    # Already running: use the port it was started on.
    port="$(sed -n 4p "$dir/postmaster.pid")"
  else
    # Another server (say, a cluster of another checkout) may hold the port: take the next free one.
    local tries=0
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
      port=$((port + 1)); tries=$((tries + 1))
      if (( tries > 50 )); then echo "error: no free port for PostgreSQL near $2" >&2; return 1; fi
    done
    "${as[@]}" "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 30 "$dir/server.log" >&2; return 1; }
  fi
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  # Roles: the owner runs migrations; the app role is neither owner nor superuser
  # and has no BYPASSRLS, so row-level security always applies to it.
  "${psql[@]}" -d postgres <<SQL >/dev/null
SET client_min_messages = warning;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_owner') THEN CREATE ROLE repurch_owner LOGIN PASSWORD 'repurch_owner'; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_app') THEN CREATE ROLE repurch_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'repurch_app'; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_auth') THEN CREATE ROLE repurch_auth NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'repurch_marketplace') THEN CREATE ROLE repurch_marketplace NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
END \$\$;
GRANT repurch_auth TO repurch_owner;
-- NOINHERIT: the app role reaches the marketplace role's policy only by switching to it.
ALTER ROLE repurch_app NOINHERIT;
GRANT repurch_marketplace TO repurch_app;
SQL
  for d in "$db" "${db}_sandbox"; do
    if [[ -z "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$d'")" ]]; then
      "${psql[@]}" -d postgres -c "CREATE DATABASE \"$d\" OWNER repurch_owner" >/dev/null
    fi
  done
  local base="Host=127.0.0.1;Port=$port"
  export REPURCH_DATABASE_URL="$base;Database=$db;Username=repurch_app;Password=repurch_app"
  export REPURCH_SANDBOX_DATABASE_URL="$base;Database=${db}_sandbox;Username=repurch_app;Password=repurch_app"
  export REPURCH_MIGRATOR_DATABASE_URL="$base;Database=$db;Username=repurch_owner;Password=repurch_owner"
  export REPURCH_SANDBOX_MIGRATOR_DATABASE_URL="$base;Database=${db}_sandbox;Username=repurch_owner;Password=repurch_owner"
  export REPURCH_PG_PORT="$port"
}

repurch_pg_up "$@"
