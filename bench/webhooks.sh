#!/usr/bin/env bash
# bench/webhooks.sh: webhook deliveries per second to a receiver on loopback, and event-to-delivery
# latency (from the event's created_at, stamped in the write's transaction, to arrival).
#
#   bench/webhooks.sh [--listings 2000] [--concurrency 8] [--rounds 3] [--port 18098]
#
# Uses its own small cluster (.data/bench-webhooks on port 54347), the Release API with
# ASPNETCORE_ENVIRONMENT=Production and logging at Warning, and bench/WebhookBench, which both
# writes listings (POST /v1/listings) and receives the webhooks. Prints one line per round.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PG_NAME="${BENCH_PG_NAME:-bench-webhooks}" BENCH_PG_PORT="${BENCH_PG_PORT:-54347}" BENCH_DB="${BENCH_DB:-repurch_bench_webhooks}"
source bench/lib.sh
listings=2000 concurrency=8 rounds=3 port=18098
while [[ $# -gt 0 ]]; do
  case "$1" in
    --listings) listings="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
api_pid=""
cleanup() { [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null; wait 2>/dev/null; bench_pg_stop; }
trap cleanup EXIT
unset REPURCH_DATABASE_URL REPURCH_SANDBOX_DATABASE_URL REPURCH_MIGRATOR_DATABASE_URL REPURCH_SANDBOX_MIGRATOR_DATABASE_URL
source scripts/pg.sh "$BENCH_PG_NAME" "$BENCH_PG_PORT" "$BENCH_DB" >&2
bench_build_api
dotnet build bench/WebhookBench -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet "$BENCH_API_DLL" migrate >&2
brand="wh-bench-$RANDOM"
dotnet "$BENCH_API_DLL" brands create --id "$brand" --name "Webhook bench" >&2
key="$(dotnet "$BENCH_API_DLL" keys create --brand "$brand" --role admin --scopes read,write | tail -n1)"
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning PORT="$port" REPURCH_WEBHOOK_ALLOW_HOSTS=127.0.0.1 \
  RateLimits__Default__PermitsPerSecond=100000 RateLimits__Default__Burst=100000 \
  dotnet "$BENCH_API_DLL" >/dev/null 2>&1 &
api_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
for r in $(seq 1 "$rounds"); do
  echo "round $r: $(dotnet bench/WebhookBench/bin/Release/net10.0/WebhookBench.dll "http://127.0.0.1:$port" "$key" "$listings" "$concurrency")"
done
