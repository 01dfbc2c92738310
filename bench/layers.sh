#!/usr/bin/env bash
# bench/layers.sh: what the rate-limit and idempotency layers cost, as ratios against the same
# endpoint without them, on this machine only.
#
#   bench/layers.sh [--concurrency 16] [--duration 10] [--warmup 3] [--rounds 1] [--port 18098]
#                   [--listings 100000 --brands 20] [--redis] [--keep-cluster]
#
# Its own cluster (BENCH_PG_PORT, default 54346; .data/bench-layers) and output (bench/out/layers),
# seeded by bench/seed.sh when the layout differs. Per round it starts the API (Release, Production,
# logging at Warning) in each configuration and drives it with bench/LoadGen:
#   limiter on   (the default in-process token buckets, limits raised so nothing is rejected: the
#                 bucket bookkeeping is measured, not 429s)
#                 GET /v1/listings; PATCH /v1/listings/{id} without and with a new Idempotency-Key
#   limiter off  (RateLimits__Enabled=false)  GET /v1/listings; PATCH without Idempotency-Key
#   --redis      also the limiter in Redis (a private redis-server on loopback)
# and prints req/s, p50, p99 and the ratios with ÷ without. Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PG_PORT="${BENCH_PG_PORT:-54346}" BENCH_PG_NAME="${BENCH_PG_NAME:-bench-layers}"
export BENCH_OUT="${BENCH_OUT:-bench/out/layers}" BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-512MB}"
source bench/lib.sh

concurrency=16 duration=10 warmup=3 rounds=1 port=18098 listings=100000 brands=20 redis=0 keep=0
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
api_pid="" redis_pid=""
stop_api() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  api_pid=""
}
cleanup() {
  local status=$?
  stop_api
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
bench_build_api
dotnet build bench/LoadGen -c Release -nologo -v q -clp:ErrorsOnly >&2
loadgen=(dotnet bench/LoadGen/bin/Release/net10.0/LoadGen.dll --url "http://127.0.0.1:$port" --keys "$out/keys.tsv" --concurrency "$concurrency")

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
start_api() { # $1: name, rest: extra environment
  local name="$1"; shift
  if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "bench: port $port is in use; pass --port" >&2; exit 1; fi
  env ASPNETCORE_ENVIRONMENT=Production PORT="$port" Logging__LogLevel__Default=Warning "${high[@]}" "$@" \
    dotnet "$BENCH_API_DLL" >"$out/api-$name.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 150); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$api_pid" 2>/dev/null || { cat "$out/api-$name.log" >&2; exit 1; }
    sleep 0.2
  done
  # JIT warm-up of the paths measured next, not counted.
  for args in "--endpoint list" "--endpoint patch" "--endpoint patch --idempotency 1"; do
    # shellcheck disable=SC2086
    "${loadgen[@]}" $args --duration 5 --warmup 0 >/dev/null || true
  done
}
measure() { # $1: config, $2: label, rest: LoadGen args
  local config="$1" label="$2"; shift 2
  local result
  result="$("${loadgen[@]}" "$@" --duration "$duration" --warmup "$warmup" | tee "$out/$config-$label-r$round.txt" | grep '^RESULT' || true)"
  local rps p50 p99 errors
  rps="$(sed -nE 's/.* rps=([0-9.]+).*/\1/p' <<<"$result")"
  p50="$(sed -nE 's/.* p50_ms=([0-9.]+).*/\1/p' <<<"$result")"
  p99="$(sed -nE 's/.* p99_ms=([0-9.]+).*/\1/p' <<<"$result")"
  errors="$(sed -nE 's/.* errors=([0-9]+).*/\1/p' <<<"$result")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$config" "$label" "${rps:-nan}" "${p50:-nan}" "${p99:-nan}" "${errors:-nan}" >>"$out/layers.tsv"
  echo "bench: round $round $config $label: ${rps:-?} req/s, p50 ${p50:-?} ms, p99 ${p99:-?} ms, errors ${errors:-?}" >&2
}

printf 'round\tconfig\trun\trps\tp50_ms\tp99_ms\terrors\n' >"$out/layers.tsv"
configs=("off" "on")
[[ "$redis" == "1" ]] && configs+=("redis")
for round in $(seq "$rounds"); do
  # Alternate the order so that drift on a shared machine does not favour one side.
  if (( round % 2 == 0 )); then configs=($(printf '%s\n' "${configs[@]}" | tac)); fi
  for config in "${configs[@]}"; do
    case "$config" in
      off) start_api off RateLimits__Enabled=false ;;
      on) start_api on ;;
      redis) start_api redis REPURCH_REDIS_URL="$redis_url" ;;
    esac
    measure "$config" list --endpoint list
    measure "$config" patch --endpoint patch
    if [[ "$config" != "off" ]]; then measure "$config" patch-idem --endpoint patch --idempotency 1; fi
    stop_api
  done
done

# Medians over the rounds, then the ratios.
awk -F'\t' 'NR > 1 { k = $2 "/" $3; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6 }
  function med(a, k, c,   i, j, t, v) { for (i = 1; i <= c; i++) v[i] = a[k, i];
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  END {
    printf "%-18s %10s %8s %8s\n", "config/run", "req/s", "p50 ms", "p99 ms"
    for (k in n) { R[k] = med(rps, k, n[k]); P50[k] = med(p50, k, n[k]); P99[k] = med(p99, k, n[k]) }
    split("off/list on/list redis/list off/patch on/patch on/patch-idem redis/patch redis/patch-idem", order, " ")
    for (i = 1; i <= 8; i++) if (order[i] in n) printf "%-18s %10.1f %8.2f %8.2f\n", order[i], R[order[i]], P50[order[i]], P99[order[i]]
    print ""
    if (("on/list" in n) && ("off/list" in n)) printf "rate limiter (in process), GET list:   %.3f of the throughput without it\n", R["on/list"] / R["off/list"]
    if (("on/patch" in n) && ("off/patch" in n)) printf "rate limiter (in process), PATCH:      %.3f\n", R["on/patch"] / R["off/patch"]
    if (("redis/list" in n) && ("off/list" in n)) printf "rate limiter (Redis), GET list:        %.3f\n", R["redis/list"] / R["off/list"]
    if (("on/patch-idem" in n) && ("on/patch" in n)) printf "idempotency key, PATCH:                %.3f of the throughput without a key\n", R["on/patch-idem"] / R["on/patch"]
    if (("on/patch-idem" in n) && ("off/patch" in n)) printf "both layers, PATCH:                    %.3f of PATCH with neither\n", R["on/patch-idem"] / R["off/patch"]
  }' "$out/layers.tsv" | tee "$out/summary.txt"
