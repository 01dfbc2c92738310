#!/usr/bin/env bash
# bench/trust.sh: precision, recall and latency of the message screener on the labelled cases (see bench/README.md).
#   bench/trust.sh [--cases FILE]... [--iterations N] [--warmup N]
# Default cases: the suite (tests/Repurch.Api.Tests/Trust/screening-suite.jsonl) and the holdout
# (bench/trust/holdout.jsonl). Own cluster (.data/bench-trust, port 54348 unless BENCH_PG_PORT), own
# database: the bench creates one brand there, whose default trust policy it screens under.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PG_NAME="${BENCH_PG_NAME:-bench-trust}" BENCH_PG_PORT="${BENCH_PG_PORT:-54348}" BENCH_DB="${BENCH_DB:-repurch_bench_trust}"
export BENCH_SHARED_BUFFERS="${BENCH_SHARED_BUFFERS:-128MB}"
source bench/lib.sh
bench_pg_up
trap bench_pg_stop EXIT
bench_build_api
dotnet build bench/TrustBench -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet "$BENCH_API_DLL" migrate >&2
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet bench/TrustBench/bin/Release/net10.0/TrustBench.dll "$@"
