#!/usr/bin/env bash
# scripts/sdks.sh            regenerate every SDK's generated code from openapi/v1.json (./run sdks calls it)
# scripts/sdks.sh --check    generate into a scratch folder and fail (exit 1, with a diff) when a
#                            committed SDK differs from a fresh generation (the SDK drift test runs it)
# scripts/sdks.sh --install  only install the generators' and runtimes' pinned packages (./test runs it)
# Each SDK's pinned toolchain is installed from its committed lock file (npm ci), never resolved anew.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-generate}"
case "$mode" in generate|--check|--install) ;; *) echo "usage: scripts/sdks.sh [--check|--install]" >&2; exit 2 ;; esac

ts=sdks/typescript
install_typescript() {
  # npm ci again only when the lock file changed since the last install (npm writes .package-lock.json).
  if [[ -x "$ts/node_modules/.bin/openapi-typescript" && "$ts/node_modules/.package-lock.json" -nt "$ts/package-lock.json" ]]; then return 0; fi
  command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null
  (cd "$ts" && npm ci --no-audit --no-fund --loglevel=error) >&2
}
# TypeScript: openapi-typescript turns the document into src/schema.ts (types only; the runtime is hand-written).
generate_typescript() {
  node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/schema.ts" >/dev/null 2>&1 \
    || node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/schema.ts"
}

install_typescript
[[ "$mode" == --install ]] && exit 0
if [[ "$mode" == generate ]]; then
  generate_typescript "$ts/src"
  echo "regenerated $ts/src/schema.ts" >&2
  exit 0
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
generate_typescript "$scratch"
if ! diff -u "$ts/src/schema.ts" "$scratch/schema.ts" >"$scratch/diff"; then
  echo "$ts/src/schema.ts differs from a fresh generation from openapi/v1.json: run ./run sdks and commit it" >&2
  head -n 40 "$scratch/diff" >&2
  exit 1
fi
echo "SDKs match openapi/v1.json" >&2
