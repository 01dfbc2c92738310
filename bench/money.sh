#!/usr/bin/env bash
# bench/money.sh: order creation and credit code redemption throughput/latency (see bench/README.md).
#   bench/money.sh [--concurrency C] [--codes N] [--port P]
# Own cluster (.data/bench-money, port 54346 unless BENCH_PG_PORT), own database; the API runs in
# Release with rate limits raised out of the way, against the fake payment provider.
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency=16; codes=1000; port=18199
while [[ $# -gt 0 ]]; do
  case "$1" in
    --concurrency) concurrency="$2"; shift 2 ;;
    --codes) codes="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
export BENCH_PG_NAME="${BENCH_PG_NAME:-bench-money}" BENCH_PG_PORT="${BENCH_PG_PORT:-54346}" BENCH_DB="${BENCH_DB:-repurch_bench_money}"
export BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-256MB}"
source bench/lib.sh
bench_pg_up
bench_build_api
dotnet build bench/MoneyBench -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet "$BENCH_API_DLL" migrate >&2
mkdir -p "$BENCH_OUT"
if ss -ltn "sport = :$port" | grep -q LISTEN; then echo "bench: port $port is in use; pass --port" >&2; exit 1; fi
env ASPNETCORE_ENVIRONMENT=Production PORT="$port" Logging__LogLevel__Default=Warning \
  RateLimits__Default__PermitsPerSecond=1000000 RateLimits__Default__Burst=1000000 Money__SweepIntervalSeconds=3600 \
  dotnet "$BENCH_API_DLL" >"$BENCH_OUT/money-api.log" 2>&1 &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null || true; bench_pg_stop' EXIT
for _ in $(seq 150); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$BENCH_OUT/money-api.log" >&2; exit 1; }
  sleep 0.2
done
dotnet bench/MoneyBench/bin/Release/net10.0/MoneyBench.dll --url "http://127.0.0.1:$port" --concurrency "$concurrency" --codes "$codes"
