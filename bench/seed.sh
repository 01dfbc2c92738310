#!/usr/bin/env bash
# bench/seed.sh: a fresh bench database with N listings across M brands, and one admin API key per brand.
#
#   bench/seed.sh [--listings N] [--brands M] [--jobs J]
#     --listings N  total listings (default 1000000); each brand gets N/M (rounded down)
#     --brands M    brands bench-001 .. bench-M on the live plane (default 100)
#     --jobs J      psql sessions inserting in parallel (default 2, one per core)
#
# It provisions (or reuses) the bench cluster on 127.0.0.1:${BENCH_PG_PORT:-54343} under .data/bench,
# DROPS and recreates the bench databases (repurch_bench, repurch_bench_sandbox), migrates them
# with the app's own migrations, then bulk-inserts with INSERT ... SELECT generate_series, one
# transaction per brand, as repurch_owner with app.brand_id set (RLS is forced on the owner too).
# Then VACUUM ANALYZE, and the API keys, written with the brand's id range to bench/out/keys.tsv:
#   brand_id <TAB> api_key <TAB> first_listing_id <TAB> last_listing_id
# and the layout to bench/out/layout.env (read by bench/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

listings=1000000 brands=100 jobs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --listings) listings="$2"; shift 2 ;;
    --brands) brands="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$listings" =~ ^[0-9]+$ && "$brands" =~ ^[0-9]+$ && "$jobs" =~ ^[0-9]+$ ]] || { echo "N, M and J must be integers" >&2; exit 2; }
(( brands >= 1 && listings >= brands && jobs >= 1 )) || { echo "need M >= 1, N >= M and J >= 1" >&2; exit 2; }
per=$(( listings / brands ))
width=$(( ${#brands} > 3 ? ${#brands} : 3 ))
brand_id() { printf "bench-%0${width}d" "$1"; }

start=$(date +%s)
bench_pg_up
bench_build_api

echo "bench: recreating $BENCH_DB and ${BENCH_DB}_sandbox" >&2
for d in "$BENCH_DB" "${BENCH_DB}_sandbox"; do
  PGDATABASE_OVERRIDE=postgres bench_psql_super -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" -c "CREATE DATABASE \"$d\" OWNER repurch_owner" >/dev/null
done
bench_psql_super -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
dotnet "$BENCH_API_DLL" migrate >&2

# Secondary indexes are rebuilt once after the load rather than maintained row by row; their
# definitions come from the migrated schema itself, so they stay exactly what the app migrates.
mapfile -t index_defs < <(bench_psql_super -c "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'listings'::regclass AND NOT indisprimary ORDER BY 1")
mapfile -t index_names < <(bench_psql_super -c "SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'listings'::regclass AND NOT indisprimary ORDER BY 1")
for name in "${index_names[@]}"; do bench_psql_super -c "DROP INDEX $name" >/dev/null; done

echo "bench: inserting $((per * brands)) listings ($per per brand) across $brands brands with $jobs sessions" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for ((j = 0; j < jobs; j++)); do : >"$work/job$j.sql"; done
for ((b = 1; b <= brands; b++)); do
  {
    echo "\\set brand $(brand_id "$b")"
    echo "\\set b $b"
    echo "\\set per $per"
    echo "\\i $(pwd)/bench/sql/seed_brand.sql"
  } >>"$work/job$(( (b - 1) % jobs )).sql"
done
pids=()
for ((j = 0; j < jobs; j++)); do
  bench_psql_owner -f "$work/job$j.sql" >/dev/null &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid"; done
loaded=$(date +%s)
echo "bench: rows in $((loaded - start)) s; building indexes" >&2

for def in "${index_defs[@]}"; do bench_psql_super -c "SET maintenance_work_mem = '512MB'" -c "$def" >/dev/null; done
bench_psql_super <<SQL >/dev/null
SELECT setval(pg_get_serial_sequence('listings', 'id'), (SELECT max(id) FROM listings));
SELECT setval(pg_get_serial_sequence('sellers', 'id'), (SELECT max(id) FROM sellers));
VACUUM (ANALYZE) brands, sellers, listings;
SQL

# One admin key (read, write) per brand, stored the way ApiKeyIssuer stores it: the SHA-256 of
# the key's UTF-8 bytes and its first 15 characters as the display prefix. The key secret is
# 32 hex characters from gen_random_uuid() (a subset of the app's alphabet).
mkdir -p "$BENCH_OUT"
bench_psql_super -F $'\t' <<SQL >"$BENCH_OUT/keys.tsv"
WITH k AS MATERIALIZED (
  SELECT b, format('bench-%s', lpad(b::text, $width, '0')) AS brand,
         're_pk_live_' || substr(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 1, 32) AS key
  FROM generate_series(1, $brands) AS b
), ins AS (
  INSERT INTO api_keys (id, brand_id, prefix, secret_hash, role, scopes, name, created_at)
  SELECT gen_random_uuid(), brand, left(key, 15), sha256(convert_to(key, 'UTF8')), 'admin', ARRAY['read', 'write'], 'bench', now()
  FROM k
  RETURNING 1
)
SELECT brand, key, (b - 1)::bigint * $per + 1, b::bigint * $per FROM k WHERE (SELECT count(*) FROM ins) > 0 ORDER BY b;
SQL
keyhash="$(bench_psql_super -c "SELECT encode(secret_hash, 'hex') FROM api_keys WHERE brand_id = '$(brand_id 1)' AND name = 'bench'")"
cat >"$BENCH_OUT/layout.env" <<ENV
BENCH_LISTINGS=$((per * brands))
BENCH_BRANDS=$brands
BENCH_PER_BRAND=$per
BENCH_BRAND_WIDTH=$width
BENCH_KEYHASH=$keyhash
ENV

summary="$(bench_psql_super -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE status = 'active'), count(DISTINCT brand_id), pg_size_pretty(pg_total_relation_size('listings')) FROM listings")"
read -r total active nbrands size <<<"$summary"
echo "bench: seeded $total listings ($active active) across $nbrands brands, listings table $size, in $(( $(date +%s) - start )) s" >&2
echo "bench: keys in $BENCH_OUT/keys.tsv, layout in $BENCH_OUT/layout.env" >&2
echo "bench: the bench cluster is left running for bench/run.sh (which stops it); to stop it now:" >&2
echo "       runuser -u postgres -- $PG_BIN/pg_ctl -D .data/$BENCH_PG_NAME stop" >&2
