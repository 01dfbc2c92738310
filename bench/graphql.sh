#!/usr/bin/env bash
# bench/graphql.sh: a partner dashboard's overview page as one persisted GraphQL query against the
# six REST calls it replaces, side by side on this machine, as ratios measured in the same run.
#
#   bench/graphql.sh [--concurrency 16] [--duration 8] [--warmup 2] [--rounds 3] [--port 18095]
#                    [--listings 100000 --brands 20] [--keep-cluster]
#
# Its own cluster (BENCH_PG_PORT, default 54347; .data/bench-graphql) and output (bench/out/graphql),
# seeded by bench/seed.sh when the layout differs (listings only: the brands' orders, payouts, credit
# codes and webhook tables are empty, so both sides measure the per-request work plus the listings
# page and counts). One API (Release, Production, logging at Warning, rate limits far above the
# load); bench/LoadGen drives it with
#   rest     one view = GET /v1/listings?status=active&per_page=10, /v1/orders,
#            /v1/payouts, /v1/credits (each per_page=10), /v1/webhooks/endpoints, /v1/partner/usage,
#            one after another on one keep-alive connection
#   graphql  one view = POST /graphql {"id": sha256 of dashboard-overview.graphql}, the same data
# Runs alternate within a round (the order flips every round); each ratio is the median of its
# per-round ratios. Reported per view: views/s, HTTP requests/s, p50/p99 of a whole view, and the
# CPU of the API process and of the PostgreSQL cluster per view (from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PG_PORT="${BENCH_PG_PORT:-54347}" BENCH_PG_NAME="${BENCH_PG_NAME:-bench-graphql}"
export BENCH_OUT="${BENCH_OUT:-bench/out/graphql}" BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-512MB}"
source bench/lib.sh

concurrency=16 duration=8 warmup=2 rounds=3 port=18095 listings=100000 brands=20 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --listings) listings="$2"; shift 2 ;;
    --brands) brands="$2"; shift 2 ;;
    --keep-cluster) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for v in "$concurrency" "$duration" "$warmup" "$rounds" "$port" "$listings" "$brands"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "numeric options must be integers" >&2; exit 2; }
done
(( duration >= 1 && duration <= 600 && rounds >= 1 && rounds <= 10 && concurrency >= 1 && concurrency <= 256 )) \
  || { echo "bounds: 1 <= duration <= 600, 1 <= rounds <= 10, 1 <= concurrency <= 256" >&2; exit 2; }

out="$BENCH_OUT"
mkdir -p "$out"
api=""
cleanup() {
  local status=$?
  if [[ -n "$api" ]] && kill -0 "$api" 2>/dev/null; then kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true; fi
  if [[ "$keep" == "0" ]]; then bench_pg_stop; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_pg_up
want=$(( listings / brands * brands ))
have="$(bench_psql_super -c "SELECT count(*) FROM listings" 2>/dev/null || echo none)"
if [[ ! -f "$out/keys.tsv" || "$have" != "$want" ]]; then
  bench/seed.sh --listings "$listings" --brands "$brands"
fi
bench_psql_super -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c
  WHERE c.relname IN ('listings', 'sellers', 'brands', 'api_keys')" >/dev/null
bench_build_api
dotnet build bench/LoadGen -c Release -nologo -v q -clp:ErrorsOnly >&2

if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "bench: port $port is in use; pass --port" >&2; exit 1; fi
env ASPNETCORE_ENVIRONMENT=Production PORT="$port" Logging__LogLevel__Default=Warning \
  RateLimits__Default__PermitsPerSecond=1000000 RateLimits__Default__Burst=1000000 \
  dotnet "$BENCH_API_DLL" >"$out/api.log" 2>&1 &
api=$!
for _ in $(seq 200); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$api" 2>/dev/null || { cat "$out/api.log" >&2; exit 1; }
  sleep 0.2
done
loadgen() { # $1: rest|graphql, rest: LoadGen args
  local side="$1"; shift
  dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:$port" --keys "$out/keys.tsv" \
    --concurrency "$concurrency" --endpoint "overview-$side" "$@"
}
declare -A calls=([rest]=6 [graphql]=1)

echo "bench: JIT warm-up, 4 s per side (every view must answer without an error)" >&2
for side in rest graphql; do loadgen "$side" --duration 4 --warmup 0 >"$out/warmup-$side.txt" || { cat "$out/warmup-$side.txt" >&2; exit 1; }; done

printf 'round\tside\tviews_s\thttp_s\tp50_ms\tp99_ms\terrors\tapp_cpu_ms\tpg_cpu_ms\n' >"$out/graphql.tsv"
for round in $(seq "$rounds"); do
  order=(rest graphql)
  if (( round % 2 == 0 )); then order=(graphql rest); fi
  for side in "${order[@]}"; do
    loadgen "$side" --duration "$warmup" --warmup 0 >/dev/null || true
    a0="$(pid_ticks "$api")" p0="$(pg_ticks)"
    result="$(loadgen "$side" --duration "$duration" --warmup 0 | tee "$out/$side-r$round.txt" | grep '^RESULT' || true)"
    a1="$(pid_ticks "$api")" p1="$(pg_ticks)"
    n="$(field "$result" requests)"
    rps="$(field "$result" rps)"
    http="$(awk -v r="$rps" -v c="${calls[$side]}" 'BEGIN { printf "%.2f", r * c }')"
    app="$(per_req_ms $(( a1 - a0 )) "${n:-0}")" pg="$(per_req_ms $(( p1 - p0 )) "${n:-0}")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$rps" "$http" "$(field "$result" p50_ms)" \
      "$(field "$result" p99_ms)" "$(field "$result" errors)" "$app" "$pg" >>"$out/graphql.tsv"
    echo "bench: round $round $side: $rps views/s ($http HTTP req/s), p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, errors $(field "$result" errors), API cpu $app ms/view, pg cpu $pg ms/view" >&2
  done
done

awk -F'\t' 'NR > 1 { k = $2; views[k, $1] = $3; http[k, $1] = $4; p50[k, $1] = $5; p99[k, $1] = $6; app[k, $1] = $8; pg[k, $1] = $9; err[k] += $7; R = ($1 > R) ? $1 : R }
  function med(v, c,   i, j, t) { for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  function m(a, k,   i, v) { for (i = 1; i <= R; i++) v[i] = a[k, i]; return med(v, R) }
  function ratio(a, x, y,   i, v) { for (i = 1; i <= R; i++) v[i] = (a[y, i] > 0) ? a[x, i] / a[y, i] : 0; return med(v, R) }
  function cpuratio(x, y,   i, v) { for (i = 1; i <= R; i++) v[i] = (app[y, i] + pg[y, i] > 0) ? (app[x, i] + pg[x, i]) / (app[y, i] + pg[y, i]) : 0; return med(v, R) }
  END {
    printf "%-8s %9s %12s %9s %9s %7s %14s %13s\n", "side", "views/s", "HTTP req/s", "p50 ms", "p99 ms", "errors", "API cpu ms/v", "pg cpu ms/v"
    split("rest graphql", order, " ")
    for (i = 1; i <= 2; i++) { k = order[i]; printf "%-8s %9.1f %12.1f %9.2f %9.2f %7d %14.3f %13.3f\n", k, m(views, k), m(http, k), m(p50, k), m(p99, k), err[k], m(app, k), m(pg, k) }
    printf "\ngraphql / rest (medians of per-round ratios): views/s %.3f, p99 %.3f, cpu per view (API+pg) %.3f\n", ratio(views, "graphql", "rest"), ratio(p99, "graphql", "rest"), cpuratio("graphql", "rest")
  }' "$out/graphql.tsv" | tee "$out/summary.txt"
