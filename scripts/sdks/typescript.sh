# Sourced by scripts/sdks.sh. TypeScript: openapi-typescript turns the document into src/schema.ts
# (types only; the runtime is hand-written).
ts=sdks/typescript
folder_typescript=$ts
install_typescript() {
  # npm ci again only when the lock file changed since the last install (npm writes .package-lock.json).
  if [[ -x "$ts/node_modules/.bin/openapi-typescript" && "$ts/node_modules/.package-lock.json" -nt "$ts/package-lock.json" ]]; then return 0; fi
  command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null
  (cd "$ts" && npm ci --no-audit --no-fund --loglevel=error) >&2
}
# generate_typescript DIR: write what this SDK generates into DIR, laid out as under sdks/typescript.
generate_typescript() {
  mkdir -p "$1/src"
  node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/src/schema.ts" >/dev/null 2>&1 \
    || node "$ts/node_modules/openapi-typescript/bin/cli.js" openapi/v1.json -o "$1/src/schema.ts"
}
# The generated paths, relative to the SDK's folder, that --check compares.
generated_typescript=(src/schema.ts)
