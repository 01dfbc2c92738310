#!/usr/bin/env bash
# Shared settings for bench/seed.sh and bench/run.sh. Source it from the repo root.
# The bench uses its own cluster (.data/<BENCH_PG_NAME>), port and database so it never touches
# the cluster that ./run and ./test use, nor anyone else's on this machine.
set -euo pipefail

BENCH_PG_NAME="${BENCH_PG_NAME:-bench}"
BENCH_PG_PORT="${BENCH_PG_PORT:-54343}"
BENCH_DB="${BENCH_DB:-repurch_bench}"
BENCH_OUT="${BENCH_OUT:-bench/out}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
# The API runs as in production here, where the credit code secret is required.
export REPURCH_CODE_SECRET="${REPURCH_CODE_SECRET:-bench-code-secret-not-for-production-000}"

bench_as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# psql as the superuser / the owner / the app role, always over TCP on 127.0.0.1.
bench_psql_super() { psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d "${PGDATABASE_OVERRIDE:-$BENCH_DB}" -v ON_ERROR_STOP=1 -qtAX "$@"; }
bench_psql_owner() { PGPASSWORD=repurch_owner psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U repurch_owner -d "$BENCH_DB" -v ON_ERROR_STOP=1 -qtAX "$@"; }

# Starts (or reuses) the bench cluster through scripts/pg.sh, which creates it, the roles and the
# databases and exports the REPURCH_* connection strings for the bench database. Then it restarts
# the cluster once, if needed, with pg.sh's settings plus two of its own:
#   shared_buffers=$BENCH_SHARED_BUFFERS (default 2GB): 1M listings are ~1 GB of table and indexes;
#     with pg.sh's 256MB every COUNT would read most of a brand's pages from the OS cache, and the
#     bench would measure buffer eviction instead of the API. A production server caches its
#     working set too.
#   shared_preload_libraries=pg_stat_statements: run.sh counts the statements the API sends.
BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-2GB}"
bench_pg_up() {
  unset REPURCH_DATABASE_URL REPURCH_SANDBOX_DATABASE_URL REPURCH_MIGRATOR_DATABASE_URL REPURCH_SANDBOX_MIGRATOR_DATABASE_URL
  source scripts/pg.sh "$BENCH_PG_NAME" "$BENCH_PG_PORT" "$BENCH_DB" >&2
  BENCH_PG_DIR="$(pwd)/.data/$BENCH_PG_NAME"
  local ok
  ok="$(PGDATABASE_OVERRIDE=postgres bench_psql_super -c "SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%'
    AND (SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers') = pg_size_bytes('$BENCH_SHARED_BUFFERS')")"
  if [[ "$ok" != "t" ]]; then
    echo "bench: restarting the bench cluster with shared_buffers=$BENCH_SHARED_BUFFERS and pg_stat_statements" >&2
    bench_as_postgres "$PG_BIN/pg_ctl" -D "$BENCH_PG_DIR" -l "$BENCH_PG_DIR/server.log" -w -t 60 \
      -o "-p $BENCH_PG_PORT -k $BENCH_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=$BENCH_SHARED_BUFFERS -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_preload_libraries=pg_stat_statements" \
      restart >/dev/null
  fi
  bench_psql_super -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 || true
}

bench_pg_stop() {
  local dir="$(pwd)/.data/$BENCH_PG_NAME"
  if [[ -f "$dir/postmaster.pid" ]]; then
    bench_as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null && echo "bench: stopped cluster $dir" >&2
  fi
}

bench_build_api() {
  dotnet build src/Repurch.Api -c Release -nologo -v q -clp:ErrorsOnly >&2
}

BENCH_API_DLL="src/Repurch.Api/bin/Release/net10.0/Repurch.Api.dll"

# CPU accounting from /proc, for per-request costs that contention on a shared machine disturbs
# less than throughput: the bench cluster's postmaster and its children, or one process.
hz="$(getconf CLK_TCK)"
pm_pid() { head -n1 "${BENCH_PG_DIR:-.data/$BENCH_PG_NAME}/postmaster.pid"; }
# CPU ticks of the whole cluster: live processes under the postmaster, plus those it reaped.
pg_ticks() {
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$(pm_pid)" '
    { pid = $1; sub(/^.*\) /, "");
      if (pid == pm) t += $12 + $13 + $14 + $15; else if ($2 == pm) t += $12 + $13 }
    END { print t + 0 }'
}
pid_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# $1 clock ticks over $2 requests, in ms each.
per_req_ms() { awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }'; }
# The value of key $2 in LoadGen's "RESULT k=v ..." line $1.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
