#!/usr/bin/env bash
# bench/trust.sh: precision, recall and latency of the message screener on the labelled cases (see bench/README.md).
#   bench/trust.sh [--cases FILE]... [--iterations N] [--warmup N]
# Default cases: the suite (tests/Repurch.Api.Tests/Trust/screening-suite.jsonl) and the holdout
# (bench/trust/holdout.jsonl). In-process, no database and no API: the screener under the default policy.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/TrustBench -c Release -nologo -v q -clp:ErrorsOnly >&2
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet bench/TrustBench/bin/Release/net10.0/TrustBench.dll "$@"
