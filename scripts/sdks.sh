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
pm=sdks/postman
install_postman() {
  if [[ -d "$pm/node_modules/openapi-to-postmanv2" && "$pm/node_modules/.package-lock.json" -nt "$pm/package-lock.json" ]]; then return 0; fi
  (cd "$pm" && npm ci --no-audit --no-fund --loglevel=error) >&2
}
# Postman: openapi-to-postmanv2 turns the document into openapi/postman.json and its two environments.
generate_postman() {
  node "$pm/generate.mjs" openapi/v1.json "$1"
}
postman_files=(postman.json postman.sandbox.environment.json postman.live.environment.json)

# TypeScript: openapi-typescript turns the document into src/schema.ts (types only; the runtime is hand-written).
generate_typescript() {
  node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/schema.ts" >/dev/null 2>&1 \
    || node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/schema.ts"
}

install_typescript
install_postman
[[ "$mode" == --install ]] && exit 0
if [[ "$mode" == generate ]]; then
  generate_typescript "$ts/src"
  echo "regenerated $ts/src/schema.ts" >&2
  generate_postman openapi
  echo "regenerated openapi/postman.json and its environments" >&2
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
generate_postman "$scratch"
for f in "${postman_files[@]}"; do
  if ! diff -u "openapi/$f" "$scratch/$f" >"$scratch/diff"; then
    echo "openapi/$f differs from a fresh generation from openapi/v1.json: run ./run sdks and commit it" >&2
    head -n 40 "$scratch/diff" >&2
    exit 1
  fi
done
echo "SDKs match openapi/v1.json" >&2
