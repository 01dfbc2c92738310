#!/usr/bin/env bash
# bench/search.sh: the marketplace search (GET /v1/marketplace/listings with q, and with q and facets)
# against the plain marketplace feed (newest first, no q) on the same data and API, as ratios measured
# in the same run.
#
#   bench/search.sh [--concurrency 16] [--duration 10] [--warmup 3] [--rounds 3] [--port 18097]
#                   [--listings 1000000 --brands 100] [--keep-cluster]
#
# The listings bench's cluster and seed (bench/seed.sh; BENCH_PG_PORT 54343, bench/out), so a seeded
# run.sh bench is reused. A marketplace key (read) is added for bench-001; the marketplace sees every
# brand's active listings (every category is cross-listed by default). Search terms are LoadGen's
# SearchTerms, one at random per request: narrow, broad, a typo (the fuzzy second try) and a miss.
# Reported per side: req/s, p50, p99, errors, API and PostgreSQL CPU per request; then search / feed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

concurrency=16 duration=10 warmup=3 rounds=3 port=18097 listings=1000000 brands=100 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency|--duration|--warmup|--rounds|--port|--listings|--brands)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "$1 needs an integer" >&2; exit 2; }
      declare "${1#--}=$2"; shift 2 ;;
    --keep-cluster) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
(( duration >= 1 && duration <= 600 && rounds >= 1 && rounds <= 10 && concurrency >= 1 && concurrency <= 256 )) \
  || { echo "bounds: 1 <= duration <= 600, 1 <= rounds <= 10, 1 <= concurrency <= 256" >&2; exit 2; }

out="$BENCH_OUT/search"
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
if [[ ! -f "$BENCH_OUT/keys.tsv" || "$have" != "$want" ]]; then bench/seed.sh --listings "$listings" --brands "$brands"; fi
source "$BENCH_OUT/layout.env"
key="re_pk_live_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
bench_psql_super -c "INSERT INTO api_keys (id, brand_id, prefix, secret_hash, role, scopes, name, created_at)
  VALUES (gen_random_uuid(), 'bench-$(printf "%0${BENCH_BRAND_WIDTH}d" 1)', left('$key', 15), sha256(convert_to('$key', 'UTF8')), 'marketplace', ARRAY['read'], 'bench search', now())" >/dev/null
printf 'bench-%0*d\t%s\t1\t%s\n' "$BENCH_BRAND_WIDTH" 1 "$key" "$BENCH_PER_BRAND" >"$out/keys.tsv"
bench_psql_super -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c
  WHERE c.relname IN ('listings', 'brands', 'api_keys', 'cross_listing_rules')
     OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'listings'::regclass)" >/dev/null
bench_build_api
# A seed from before the latest migrations is migrated in place (migrating a current schema does nothing).
dotnet "$BENCH_API_DLL" migrate >&2
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
loadgen() { # $1: endpoint, rest: LoadGen args
  local ep="$1"; shift
  dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:$port" --keys "$out/keys.tsv" \
    --concurrency "$concurrency" --endpoint "$ep" "$@"
}
sides=(feed search search-facets)
echo "bench: JIT warm-up, 4 s per side (every request must answer 200)" >&2
for side in "${sides[@]}"; do loadgen "$side" --duration 4 --warmup 0 >"$out/warmup-$side.txt" || { cat "$out/warmup-$side.txt" >&2; exit 1; }; done

printf 'round\tside\trps\tp50_ms\tp99_ms\terrors\tapp_cpu_ms\tpg_cpu_ms\n' >"$out/search.tsv"
for round in $(seq "$rounds"); do
  order=("${sides[@]}")
  if (( round % 2 == 0 )); then order=(search-facets search feed); fi
  for side in "${order[@]}"; do
    loadgen "$side" --duration "$warmup" --warmup 0 >/dev/null || true
    a0="$(pid_ticks "$api")" p0="$(pg_ticks)"
    result="$(loadgen "$side" --duration "$duration" --warmup 0 --seed "$round" | tee "$out/$side-r$round.txt" | grep '^RESULT' || true)"
    a1="$(pid_ticks "$api")" p1="$(pg_ticks)"
    n="$(field "$result" requests)"
    app="$(per_req_ms $(( a1 - a0 )) "${n:-0}")" pg="$(per_req_ms $(( p1 - p0 )) "${n:-0}")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$(field "$result" rps)" "$(field "$result" p50_ms)" \
      "$(field "$result" p99_ms)" "$(field "$result" errors)" "$app" "$pg" >>"$out/search.tsv"
    echo "bench: round $round $side: $(field "$result" rps) req/s, p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, errors $(field "$result" errors), API cpu $app ms/req, pg cpu $pg ms/req" >&2
  done
done

awk -F'\t' 'NR > 1 { k = $2; rps[k, $1] = $3; p50[k, $1] = $4; p99[k, $1] = $5; app[k, $1] = $7; pg[k, $1] = $8; err[k] += $6; R = ($1 > R) ? $1 : R }
  function med(v, c,   i, j, t) { for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  function m(a, k,   i, v) { for (i = 1; i <= R; i++) v[i] = a[k, i]; return med(v, R) }
  function ratio(a, x, y,   i, v) { for (i = 1; i <= R; i++) v[i] = (a[y, i] > 0) ? a[x, i] / a[y, i] : 0; return med(v, R) }
  END {
    printf "%-14s %9s %9s %9s %7s %13s %12s\n", "side", "req/s", "p50 ms", "p99 ms", "errors", "API cpu ms/r", "pg cpu ms/r"
    split("feed search search-facets", order, " ")
    for (i = 1; i <= 3; i++) { k = order[i]; printf "%-14s %9.1f %9.2f %9.2f %7d %13.3f %12.3f\n", k, m(rps, k), m(p50, k), m(p99, k), err[k], m(app, k), m(pg, k) }
    printf "\nagainst the feed (medians of per-round ratios): search req/s %.3f, p99 %.3f; search with facets req/s %.3f, p99 %.3f\n",
      ratio(rps, "search", "feed"), ratio(p99, "search", "feed"), ratio(rps, "search-facets", "feed"), ratio(p99, "search-facets", "feed")
  }' "$out/search.tsv" | tee "$out/summary.txt"
