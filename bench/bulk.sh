#!/usr/bin/env bash
# Bulk import bench: rows/second of 10,000-row XLSX validate and commit jobs, the 200-row
# synchronous endpoints, and the server's peak memory (VmHWM) across 100,000-row jobs.
# Uses the private cluster of ./test (REPURCH_PG_PORT, default 54329) with its own database.
# Usage: REPURCH_PG_PORT=54344 bench/bulk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg.sh pg "${REPURCH_PG_PORT:-54329}" repurch_bulkbench >/dev/null
PORT="${BENCH_BULK_PORT:-8091}"
dotnet build src/Repurch.Api -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet build bench/BulkBench -c Release -nologo -v q -clp:ErrorsOnly >&2
api=(dotnet src/Repurch.Api/bin/Release/net10.0/Repurch.Api.dll)
# The API runs as in production here, where the credit code secret is required.
export REPURCH_CODE_SECRET="${REPURCH_CODE_SECRET:-bench-code-secret-not-for-production-000}"
"${api[@]}" migrate >/dev/null 2>&1
brand="bulkbench-$(date +%s)"
"${api[@]}" brands create --id "$brand" --name "Bulk bench" >/dev/null
key="$("${api[@]}" keys create --brand "$brand" --role admin --scopes read,write | tail -n1)"
run_phase() {
  PORT="$PORT" Logging__LogLevel__Default=Warning "${api[@]}" >/dev/null 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  dotnet bench/BulkBench/bin/Release/net10.0/BulkBench.dll "http://127.0.0.1:$PORT" "$key" "$pid" "$@"
  # Let the server fan out the events it wrote before stopping it, so the next phase does not
  # pay for this one's webhook work.
  for _ in $(seq 300); do
    [[ "$(psql -h 127.0.0.1 -p "${REPURCH_PG_PORT:-54329}" -U postgres -d repurch_bulkbench -Atc "SELECT count(*) FROM events WHERE fanned_out_at IS NULL")" == 0 ]] && break
    sleep 1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
}
echo "== throughput (fresh server) =="
run_phase throughput
echo "== peak memory, one 100,000-row job per fresh server =="
run_phase job csv 100000
run_phase job xlsx 100000
