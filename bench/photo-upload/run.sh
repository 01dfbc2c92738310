#!/usr/bin/env bash
# bench/photo-upload/run.sh [--count N] [--concurrency C]: POST /v1/listings/upload-photo latency for a
# 12-megapixel JPEG against the API served by ./run (its own port; local object store under bench/out).
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${BENCH_PHOTO_PORT:-18342}"
if curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; then
  echo "port $port is already in use: set BENCH_PHOTO_PORT" >&2; exit 1
fi
mkdir -p bench/out
export REPURCH_STORAGE_DIR="$PWD/bench/out/uploads"
rm -rf "$REPURCH_STORAGE_DIR"
dotnet build bench/photo-upload -c Release -nologo -v q -clp:ErrorsOnly >&2
PORT="$port" ASPNETCORE_ENVIRONMENT=Production ./run >bench/out/photo-api.log 2>&1 &
api=$!
trap 'kill "$api" 2>/dev/null; wait "$api" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$api" 2>/dev/null || { cat bench/out/photo-api.log >&2; exit 1; }
  sleep 1
done
key="$(./run keys create --brand furniture-co --role admin --scopes read,write --name photo-bench 2>/dev/null | tail -n1)"
dotnet bench/photo-upload/bin/Release/net10.0/PhotoBench.dll --url "http://127.0.0.1:$port" --key "$key" "$@"
