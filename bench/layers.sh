#!/usr/bin/env bash
# bench/layers.sh: what the rate-limit and idempotency layers cost, as ratios against the same
# endpoint without them, on this machine only.
#
#   bench/layers.sh [--concurrency 16] [--duration 8] [--warmup 2] [--rounds 3] [--port 18097]
#                   [--listings 100000 --brands 20] [--redis] [--keep-cluster]
#
# Its own cluster (BENCH_PG_PORT, default 54346; .data/bench-layers) and output (bench/out/layers),
# seeded by bench/seed.sh when the layout differs. It starts the API (Release, Production, logging
# at Warning) two or three times side by side, and drives each with bench/LoadGen in turn:
#   on     port P:   the in-process token buckets, limits raised so that nothing is rejected (the
#                    bucket bookkeeping and headers are measured, not 429s)
#   off    port P+1: RateLimits__Enabled=false (no limiter in the pipeline)
#   redis  port P+2: (--redis) the limiter in Redis, a private redis-server on loopback
# Runs: GET /v1/listings/{id} on each (the limiter's cost on a cheap read), PATCH /v1/listings/{id}
# on "off" and on "on" without and with a new Idempotency-Key each (the idempotency layer's cost on
# a mutation). The machine is shared, so runs of one round are interleaved (the order flips every
# round) and each ratio is the median of its per-round ratios. Besides req/s it reports the CPU per
# request of the API process (plus redis-server's for the redis runs) and of the PostgreSQL cluster
# (from /proc), which contention on a shared machine disturbs less than throughput. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PG_PORT="${BENCH_PG_PORT:-54346}" BENCH_PG_NAME="${BENCH_PG_NAME:-bench-layers}"
export BENCH_OUT="${BENCH_OUT:-bench/out/layers}" BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-512MB}"
source bench/lib.sh

concurrency=16 duration=8 warmup=2 rounds=3 port=18097 listings=100000 brands=20 redis=0 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --listings) listings="$2"; shift 2 ;;
    --brands) brands="$2"; shift 2 ;;
    --redis) redis=1; shift ;;
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
declare -A api_pid=() api_port=()
redis_pid=""
cleanup() {
  local status=$? name
  for name in "${!api_pid[@]}"; do
    if kill -0 "${api_pid[$name]}" 2>/dev/null; then kill "${api_pid[$name]}" 2>/dev/null || true; wait "${api_pid[$name]}" 2>/dev/null || true; fi
  done
  if [[ -n "$redis_pid" ]] && kill -0 "$redis_pid" 2>/dev/null; then kill "$redis_pid" 2>/dev/null || true; fi
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
  WHERE c.relname IN ('listings', 'sellers', 'brands', 'api_keys', 'idempotency_keys')" >/dev/null
bench_build_api
dotnet build bench/LoadGen -c Release -nologo -v q -clp:ErrorsOnly >&2
loadgen() { # $1: config, rest: LoadGen args
  local config="$1"; shift
  dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:${api_port[$config]}" --keys "$out/keys.tsv" --concurrency "$concurrency" "$@"
}

redis_url=""
if [[ "$redis" == "1" ]]; then
  command -v redis-server >/dev/null || { echo "bench: --redis needs redis-server (apt-get install -y redis-server)" >&2; exit 1; }
  redis_port=$(( port + 1000 ))
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$out/redis.log" 2>&1 &
  redis_pid=$!
  redis_url="redis://127.0.0.1:$redis_port"
fi

# Limits far above what this machine can send: the limiter does all its work and never says 429.
high=(RateLimits__Default__PermitsPerSecond=1000000 RateLimits__Default__Burst=1000000)
start_api() { # $1: name, $2: port, rest: extra environment
  local name="$1" p="$2"; shift 2
  if ss -ltn "sport = :$p" | grep -q LISTEN; then echo "bench: port $p is in use; pass --port" >&2; exit 1; fi
  env ASPNETCORE_ENVIRONMENT=Production PORT="$p" Logging__LogLevel__Default=Warning "${high[@]}" "$@" \
    dotnet "$BENCH_API_DLL" >"$out/api-$name.log" 2>&1 &
  api_pid[$name]=$!
  api_port[$name]=$p
  local _
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$p/healthz" >/dev/null 2>&1 && return 0
    kill -0 "${api_pid[$name]}" 2>/dev/null || { cat "$out/api-$name.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "bench: the $name API did not start" >&2; exit 1
}
configs=(on off)
start_api on "$port"
start_api off "$(( port + 1 ))" RateLimits__Enabled=false
if [[ "$redis" == "1" ]]; then configs+=(redis); start_api redis "$(( port + 2 ))" REPURCH_REDIS_URL="$redis_url"; fi

runs=()
for c in "${configs[@]}"; do runs+=("$c detail --endpoint detail"); done
runs+=("off patch --endpoint patch" "on patch --endpoint patch" "on patch-idem --endpoint patch --idempotency 1")

echo "bench: JIT warm-up, 4 s per run" >&2
for r in "${runs[@]}"; do
  read -r config _ args <<<"$r"
  # shellcheck disable=SC2086
  loadgen "$config" $args --duration 4 --warmup 0 >/dev/null || true
done


printf 'round\tconfig\trun\trps\tp50_ms\tp99_ms\terrors\tapp_cpu_ms\tpg_cpu_ms\n' >"$out/layers.tsv"
for round in $(seq "$rounds"); do
  order=("${runs[@]}")
  if (( round % 2 == 0 )); then mapfile -t order < <(printf '%s\n' "${runs[@]}" | tac); fi
  for r in "${order[@]}"; do
    read -r config label args <<<"$r"
    # The CPU of the measured window only: LoadGen's own warm-up is excluded by starting the
    # counters after it (a separate warm-up run just before).
    # shellcheck disable=SC2086
    loadgen "$config" $args --duration "$warmup" --warmup 0 >/dev/null || true
    a0="$(pid_ticks "${api_pid[$config]}")" p0="$(pg_ticks)" r0=0
    [[ "$config" == "redis" ]] && r0="$(pid_ticks "$redis_pid")"
    # shellcheck disable=SC2086
    result="$(loadgen "$config" $args --duration "$duration" --warmup 0 | tee "$out/$config-$label-r$round.txt" | grep '^RESULT' || true)"
    a1="$(pid_ticks "${api_pid[$config]}")" p1="$(pg_ticks)" r1=0
    # Redis works for the limiter: its CPU counts with the API's.
    [[ "$config" == "redis" ]] && r1="$(pid_ticks "$redis_pid")"
    n="$(field "$result" requests)"
    app="$(per_req_ms $(( a1 - a0 + r1 - r0 )) "${n:-0}")" pg="$(per_req_ms $(( p1 - p0 )) "${n:-0}")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$config" "$label" "$(field "$result" rps)" "$(field "$result" p50_ms)" \
      "$(field "$result" p99_ms)" "$(field "$result" errors)" "$app" "$pg" >>"$out/layers.tsv"
    echo "bench: round $round $config $label: $(field "$result" rps) req/s, p50 $(field "$result" p50_ms) ms, p99 $(field "$result" p99_ms) ms, errors $(field "$result" errors), API cpu $app ms/req, pg cpu $pg ms/req" >&2
  done
done

awk -F'\t' 'NR > 1 { k = $2 "/" $3; n[k]++; rps[k, $1] = $4; p50[k, $1] = $5; p99[k, $1] = $6; app[k, $1] = $8; pg[k, $1] = $9; R = ($1 > R) ? $1 : R }
  function med(v, c,   i, j, t) { for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  function m(a, k,   i, v) { for (i = 1; i <= R; i++) v[i] = a[k, i]; return med(v, R) }
  # Median over rounds of the per-round ratio a/b.
  function ratio(a, x, y,   i, v) { for (i = 1; i <= R; i++) v[i] = (a[y, i] > 0) ? a[x, i] / a[y, i] : 0; return med(v, R) }
  function cpu(x, i) { return app[x, i] + pg[x, i] }
  function cpuratio(x, y,   i, v) { for (i = 1; i <= R; i++) v[i] = (cpu(y, i) > 0) ? cpu(x, i) / cpu(y, i) : 0; return med(v, R) }
  function line(name, x, y) { if ((x in n) && (y in n)) printf "%-34s %6.3f %16.3f   (%s / %s)\n", name, ratio(rps, x, y), cpuratio(x, y), x, y }
  END {
    printf "%-18s %9s %8s %8s %12s %11s\n", "config/run", "req/s", "p50 ms", "p99 ms", "API cpu ms", "pg cpu ms"
    split("off/detail on/detail redis/detail off/patch on/patch on/patch-idem", order, " ")
    for (i = 1; i <= 6; i++) { k = order[i]; if (k in n) printf "%-18s %9.1f %8.2f %8.2f %12.3f %11.3f\n", k, m(rps, k), m(p50, k), m(p99, k), m(app, k), m(pg, k) }
    printf "\n%-34s %6s %16s\n", "layer (medians of per-round ratios)", "req/s", "cpu/req (API+pg)"
    line("rate limiter in process, GET", "on/detail", "off/detail")
    line("rate limiter in Redis, GET", "redis/detail", "off/detail")
    line("rate limiter in process, PATCH", "on/patch", "off/patch")
    line("idempotency key, PATCH", "on/patch-idem", "on/patch")
    line("both layers, PATCH", "on/patch-idem", "off/patch")
  }' "$out/layers.tsv" | tee "$out/summary.txt"
