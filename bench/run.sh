#!/usr/bin/env bash
# bench/run.sh: the listings API under load vs the same SQL under pgbench, on this machine only.
#
#   bench/run.sh [--concurrency 16] [--duration 20] [--warmup 5] [--jit-warmup 15] [--rounds 1] [--port 18099]
#                [--endpoints "healthz list detail"] [--listings N --brands M] [--keep-cluster]
#
# Seeds first when bench/out/layout.env is missing or --listings/--brands differ from it (see
# bench/seed.sh; default 1,000,000 listings across 100 brands). It starts the API and drives each
# endpoint at 16 connections for --jit-warmup seconds (tiered JIT), then per round and endpoint:
#   1. the API (Release build, ASPNETCORE_ENVIRONMENT=Production, logging at Warning) on
#      127.0.0.1:PORT, loaded by bench/LoadGen from a second process: warm-up, then a measured run
#      (healthz, no auth and no database, is the HTTP floor of the API and the client here);
#   2. pgbench at the same concurrency on the same SQL, as repurch_app over TCP 127.0.0.1, with
#      -M extended like Npgsql: bench/pgbench/<endpoint>.sql ("full": every statement the API sends
#      per request) and bench/pgbench/<endpoint>_core.sql (the endpoint's own statements only).
# It prints a table of medians over the rounds, and keeps the raw outputs in bench/out/.
# Everything it starts (the API, the bench cluster) is stopped on exit; --keep-cluster leaves the
# cluster running for a next run.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

concurrency=16 duration=20 warmup=5 jit_warmup=15 rounds=1 port=18099 endpoints="healthz list detail" keep=0
want_listings="" want_brands=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --jit-warmup) jit_warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --endpoints) endpoints="$2"; shift 2 ;;
    --listings) want_listings="$2"; shift 2 ;;
    --brands) want_brands="$2"; shift 2 ;;
    --keep-cluster) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in "$concurrency" "$duration" "$warmup" "$jit_warmup" "$rounds" "$port"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "numeric options must be integers" >&2; exit 2; }
done
(( duration >= 1 && duration <= 600 && warmup <= 120 && jit_warmup <= 120 && rounds >= 1 && rounds <= 10 && concurrency >= 1 && concurrency <= 256 )) \
  || { echo "bounds: 1 <= duration <= 600, warmup <= 120, 1 <= rounds <= 10, 1 <= concurrency <= 256" >&2; exit 2; }

out="$BENCH_OUT"
mkdir -p "$out"
api_pid=""
cleanup() {
  local status=$?
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  if [[ "$keep" == "0" ]]; then bench_pg_stop; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_pg_up
if [[ ! -f "$out/layout.env" || ! -f "$out/keys.tsv" ]]; then
  bench/seed.sh --listings "${want_listings:-1000000}" --brands "${want_brands:-100}"
else
  source "$out/layout.env"
  if [[ -n "$want_brands" && "$want_brands" != "$BENCH_BRANDS" ]] \
     || [[ -n "$want_listings" && "$(( want_listings / ${want_brands:-$BENCH_BRANDS} * ${want_brands:-$BENCH_BRANDS} ))" != "$BENCH_LISTINGS" ]]; then
    bench/seed.sh --listings "${want_listings:-$BENCH_LISTINGS}" --brands "${want_brands:-$BENCH_BRANDS}"
  fi
fi
source "$out/layout.env"
# The layout file must describe this database (a new cluster, or one seeded by hand, would not).
in_db="$(bench_psql_super -c "SELECT count(*) FROM listings" 2>/dev/null || echo none)"
if [[ "$in_db" != "$BENCH_LISTINGS" ]]; then
  echo "bench: $out/layout.env says $BENCH_LISTINGS listings, the database has $in_db: seeding again" >&2
  bench/seed.sh --listings "$BENCH_LISTINGS" --brands "$BENCH_BRANDS"
  source "$out/layout.env"
fi

# Load the bench tables into shared_buffers so that every run starts from the same cache.
bench_psql_super -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
  -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relname IN ('listings', 'sellers', 'brands', 'api_keys')
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('listings'::regclass, 'sellers'::regclass, 'brands'::regclass, 'api_keys'::regclass))" >/dev/null

bench_build_api
dotnet build bench/LoadGen -c Release -nologo -v q -clp:ErrorsOnly >&2
loadgen=(dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:$port" --keys "$out/keys.tsv" --concurrency "$concurrency")

if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "bench: port $port is in use; pass --port" >&2; exit 1; fi
env ASPNETCORE_ENVIRONMENT=Production PORT="$port" Logging__LogLevel__Default=Warning \
  dotnet "$BENCH_API_DLL" >"$out/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 150); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$out/api.log" >&2; exit 1; }
  sleep 0.2
done
read -r _ key1 first1 _ <"$out/keys.tsv"
for path in "/v1/listings?per_page=20" "/v1/listings/$first1"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key1" "http://127.0.0.1:$port$path")"
  [[ "$code" == "200" ]] || { echo "bench: GET $path answered $code, expected 200" >&2; exit 1; }
done
echo "bench: API pid $api_pid on 127.0.0.1:$port (Release, Production, logging Warning)" >&2
# A fresh process JIT-compiles its hot paths during the first thousands of requests (tiered
# compilation), in background threads whose CPU would otherwise count against the first measured
# runs; at low rates (concurrency 1, or a slow list) a few seconds of warm-up are not enough.
# So first drive the endpoints hard for a while, whatever the measured concurrency.
echo "bench: JIT warm-up: ${jit_warmup} s per endpoint at 16 connections" >&2
for ep in $endpoints; do
  dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:$port" --keys "$out/keys.tsv" \
    --concurrency 16 --endpoint "$ep" --duration "$jit_warmup" --warmup 0 >/dev/null || true
done

pgss_reset() { bench_psql_super -c "SELECT pg_stat_statements_reset()" >/dev/null; }
# Statements and server execution time per request, from pg_stat_statements (repurch_app only).
pgss_per_req() {
  bench_psql_super -F ' ' -c "SELECT round(sum(calls)::numeric / $1, 2), round((sum(total_exec_time) / $1)::numeric, 3)
    FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'repurch_app'"
}
pgss_top() {
  bench_psql_super -F $'\t' -c "SELECT round(calls::numeric / $1, 2) AS per_req, round(mean_exec_time::numeric, 3) AS mean_ms,
      left(regexp_replace(query, '\s+', ' ', 'g'), 100)
    FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'repurch_app'
    ORDER BY calls DESC, total_exec_time DESC LIMIT 8"
}
percentile_of_log() { # pgbench -l files: column 3 is the transaction's latency in microseconds
  cat "$@" | awk '{ print $3 }' | sort -n | awk -v p="$PCT" '{ a[NR] = $1 } END { i = int(NR * p / 100); if (i < NR * p / 100) i++; if (i < 1) i = 1; printf "%.2f", a[i] / 1000 }'
}

pgbench_args=(-n -h 127.0.0.1 -p "$BENCH_PG_PORT" -U repurch_app -M extended -c "$concurrency" -j 2
  -D brands="$BENCH_BRANDS" -D width="$BENCH_BRAND_WIDTH" -D status=active -D per_page=20 -D offset=0
  -D listings="$BENCH_LISTINGS" -D per="$BENCH_PER_BRAND" -D keyhash="\\x$BENCH_KEYHASH")
export PGPASSWORD=repurch_app

results="$out/results.tsv"
printf 'round\tendpoint\trun\trps\tp50_ms\tp99_ms\tstmts_per_req\tdb_exec_ms_per_req\tapp_cpu_ms_per_req\tpg_cpu_ms_per_req\tclient_cpu_ms_per_req\n' >"$results"

run_api() { # endpoint round
  local ep="$1" r="$2" log="$out/api_${1}_r$2.txt"
  "${loadgen[@]}" --endpoint "$ep" --duration "$warmup" --warmup 0 --seed "$((r * 101))" >"$out/api_${ep}_r${r}_warmup.txt"
  pgss_reset
  local pg0 app0 pg1 app1
  pg0="$(pg_ticks)"; app0="$(pid_ticks "$api_pid")"
  "${loadgen[@]}" --endpoint "$ep" --duration "$duration" --warmup 0 --seed "$((r * 101 + 1))" >"$log" || true
  pg1="$(pg_ticks)"; app1="$(pid_ticks "$api_pid")"
  local res sent
  res="$(grep '^RESULT' "$log")"
  sent="$(field "$res" sent)"
  read -r spr dbms <<<"$(pgss_per_req "$sent")"
  pgss_top "$sent" >"$out/api_${ep}_r${r}_statements.tsv"
  [[ "$(field "$res" errors)" == "0" ]] || echo "bench: WARNING: $(field "$res" errors) failed requests, see $log" >&2
  printf '%s\t%s\tAPI (HTTP)\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$ep" "$(field "$res" rps)" "$(field "$res" p50_ms)" "$(field "$res" p99_ms)" \
    "$spr" "$dbms" "$(per_req_ms $((app1 - app0)) "$sent")" "$(per_req_ms $((pg1 - pg0)) "$sent")" \
    "$(awk -v c="$(field "$res" cpu_ms)" -v n="$sent" 'BEGIN { printf "%.2f", c / n }')" >>"$results"
}

run_pgbench() { # endpoint variant round
  local ep="$1" variant="$2" r="$3" script="bench/pgbench/$1.sql" label="pgbench (full SQL)"
  [[ "$variant" == "core" ]] && script="bench/pgbench/${1}_core.sql" label="pgbench (core SQL)"
  local prefix="$out/pgbench_${ep}_${variant}_r${r}"
  rm -f "$prefix".log*
  "$PG_BIN/pgbench" "${pgbench_args[@]}" -T 3 -f "$script" repurch_bench >/dev/null 2>"$prefix.warmup.err"
  pgss_reset
  local pg0 pg1 t0 t1
  pg0="$(pg_ticks)"
  local timef; timef="$(mktemp)"
  local TIMEFORMAT='%U %S'
  { time "$PG_BIN/pgbench" "${pgbench_args[@]}" -T "$duration" -l --log-prefix="$prefix.log" \
      -f "$script" repurch_bench >"$prefix.txt" 2>"$prefix.err"; } 2>"$timef"
  sleep 1  # let the postmaster reap pgbench's backends, whose CPU then shows in its cutime
  pg1="$(pg_ticks)"
  local tps n client
  tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$prefix.txt")"
  n="$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$prefix.txt")"
  client="$(awk -v n="$n" '{ printf "%.2f", ($1 + $2) * 1000 / n }' "$timef")"; rm -f "$timef"
  read -r spr dbms <<<"$(pgss_per_req "$n")"
  pgss_top "$n" >"$prefix.statements.tsv"
  printf '%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t-\t%s\t%s\n' "$r" "$ep" "$label" "$tps" "$(PCT=50 percentile_of_log "$prefix".log*)" "$(PCT=99 percentile_of_log "$prefix".log*)" \
    "$spr" "$dbms" "$(per_req_ms $((pg1 - pg0)) "$n")" "$client" >>"$results"
}

echo "bench: $BENCH_LISTINGS listings across $BENCH_BRANDS brands; concurrency $concurrency; ${duration} s measured runs after ${warmup} s (API) / 3 s (pgbench) warm-ups; $rounds round(s)" >&2
for ((r = 1; r <= rounds; r++)); do
  for ep in $endpoints; do
    echo "bench: round $r: $ep: API" >&2;            run_api "$ep" "$r"
    [[ "$ep" == "healthz" ]] && continue
    echo "bench: round $r: $ep: pgbench full" >&2;   run_pgbench "$ep" full "$r"
    echo "bench: round $r: $ep: pgbench core" >&2;   run_pgbench "$ep" core "$r"
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F '\t' -v ep="$1" -v run="$2" -v c="$3" 'NR > 1 && $2 == ep && $3 == run && $c ~ /^[0-9.]+$/ { print $c }' "$results" | median; }

echo
echo "Repurch listings bench: $BENCH_LISTINGS listings / $BENCH_BRANDS brands, $concurrency connections, ${duration} s runs, median of $rounds round(s)"
printf '%-8s %-20s %10s %8s %8s %9s %9s %9s %10s %10s %10s %10s\n' endpoint run "req/s|tps" "p50 ms" "p99 ms" "API/this" "cpu ratio" "stmts/req" "db exec ms" "app cpu ms" "pg cpu ms" "client cpu"
for ep in $endpoints; do
  api_rps="$(col "$ep" "API (HTTP)" 4)"
  runs=("API (HTTP)" "pgbench (full SQL)" "pgbench (core SQL)")
  [[ "$ep" == "healthz" ]] && runs=("API (HTTP)")
  for run in "${runs[@]}"; do
    rps="$(col "$ep" "$run" 4)"
    ratio="-" cpu_ratio="-"
    if [[ "$run" != "API (HTTP)" ]]; then
      ratio="$(awk -v a="$api_rps" -v b="$rps" 'BEGIN { printf "%.2f", a / b }')"
      # Server CPU per pgbench transaction / server CPU (API + PostgreSQL) per API request: the
      # throughput ratio that two CPU-bound servers would show, whatever else runs on the machine.
      cpu_ratio="$(awk -v p="$(col "$ep" "$run" 10)" -v a="$(col "$ep" "API (HTTP)" 9)" -v q="$(col "$ep" "API (HTTP)" 10)" 'BEGIN { printf "%.2f", (a + q > 0) ? p / (a + q) : 0 }')"
    fi
    printf '%-8s %-20s %10s %8s %8s %9s %9s %9s %10s %10s %10s %10s\n' "$ep" "$run" "$rps" "$(col "$ep" "$run" 5)" "$(col "$ep" "$run" 6)" "$ratio" "$cpu_ratio" \
      "$(col "$ep" "$run" 7)" "$(col "$ep" "$run" 8)" "$(col "$ep" "$run" 9)" "$(col "$ep" "$run" 10)" "$(col "$ep" "$run" 11)"
  done
done
echo "(API/this: API req/s / this tps. cpu ratio: server CPU per pgbench transaction / server CPU (API + PostgreSQL) per API request."
echo " cpu and db columns are per request or transaction: app = the API process, pg = the whole cluster, client = LoadGen or pgbench;"
echo " db exec = pg_stat_statements execution time, planning excluded)"
if [[ " $endpoints " == *" list "* ]]; then
  api_rps="$(col list "API (HTTP)" 4)" api_p99="$(col list "API (HTTP)" 6)"
  full="$(col list "pgbench (full SQL)" 4)" core="$(col list "pgbench (core SQL)" 4)"
  verdict() { awk "BEGIN { print ($1) ? \"met\" : \"NOT met\" }"; }
  echo "goal: list req/s >= 0.5 x pgbench tps: vs full SQL $(awk -v a="$api_rps" -v b="$full" 'BEGIN { printf "%.2f", a / b }') ($(verdict "$api_rps >= 0.5 * $full")), vs core SQL $(awk -v a="$api_rps" -v b="$core" 'BEGIN { printf "%.2f", a / b }') ($(verdict "$api_rps >= 0.5 * $core"))"
  echo "goal: list p99 < 10 ms at $concurrency connections: $api_p99 ms ($(verdict "$api_p99 < 10"))"
fi
echo "raw: $results; per-run outputs and per-statement breakdowns (*.statements.tsv) in $out/"
