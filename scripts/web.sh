#!/usr/bin/env bash
# The web app (web/, Next.js): sourced by ./run, or run as `scripts/web.sh build` (the browser tests).
#   web_build       the SDK's toolchain through scripts/sdks.sh --install (which serialises every install
#                   into sdks/), npm ci in web/ when its lock file changed, the SDK's tsc and `next build`
#                   only when sources changed
#   web_keys CLI…   writes .data/web/keys.json once (mode 600) with the demo brands' live keys, made by CLI… keys create,
#                   and the secret that seals consumers' session cookies
# Nothing here downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1); Next's telemetry is off.
export NEXT_TELEMETRY_DISABLED=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# A folder's inputs by path, size and modification time, less build output, dependencies and what
# next build itself writes (next-env.d.ts), so a build never makes the next one necessary.
web_hash() {
  find "$@" \( -name node_modules -o -name .next -o -name dist -o -name test-results -o -name playwright-report \) -prune \
    -o -type f ! -name next-env.d.ts ! -name '*.tsbuildinfo' -printf '%p %s %T@\n' | LC_ALL=C sort | sha256sum | cut -d' ' -f1
}

# npm ci in $1 unless node_modules was installed from the current lock (npm writes node_modules/.package-lock.json).
web_npm_ci() {
  if [[ -f "$1/node_modules/.package-lock.json" && "$1/node_modules/.package-lock.json" -nt "$1/package-lock.json" ]]; then return 0; fi
  command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null
  (cd "$1" && npm ci --no-audit --no-fund --loglevel=error) >&2
}

web_build() {
  local stamp=.data/web/build.stamp hash
  # One build at a time (browser test classes build at once; the rest find it done).
  exec 8>"${TMPDIR:-/tmp}/repurch-web-build.lock"
  flock 8
  # Never npm ci in sdks/typescript here: the SDK and Postman tests install there at the same time,
  # and two npm processes in one node_modules break each other (ENOTEMPTY, ENOENT).
  bash scripts/sdks.sh --install typescript
  web_npm_ci web
  hash="$(web_hash web sdks/typescript/src sdks/typescript/package-lock.json)"
  if [[ -f web/.next/BUILD_ID && -f sdks/typescript/dist/src/index.js && -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then flock -u 8; return 0; fi
  echo "building the web app (web/) …" >&2
  # web/ depends on the SDK as a linked package (file:../sdks/typescript): its dist/ is what Next imports.
  # The TypeScript SDK tests compile into the same dist/ (under the same lock), so hold it until Next has read it.
  (
    flock 7
    (cd sdks/typescript && node node_modules/typescript/bin/tsc -p tsconfig.json) >&2
    (cd web && node node_modules/next/dist/bin/next build) >&2
  ) 7>"${TMPDIR:-/tmp}/repurch-sdk-typescript-dist.lock"
  mkdir -p .data/web && echo "$hash" >"$stamp"
  flock -u 8
}

# web_keys CLI…: the keys file for the demo brands, created once; the keys go only into the file.
web_keys() {
  local file=.data/web/keys.json market furniture brand_b secret
  # A file from before session cookies (no session_secret) is made again.
  [[ -s "$file" ]] && grep -q '"session_secret"' "$file" && return 0
  mkdir -p .data/web
  market="$("$@" keys create --brand sofalistic --role marketplace --scopes read --name web 2>/dev/null | tail -n1)"
  furniture="$("$@" keys create --brand furniture-co --role storefront --scopes read,write --name web 2>/dev/null | tail -n1)"
  brand_b="$("$@" keys create --brand brand-b --role storefront --scopes read,write --name web 2>/dev/null | tail -n1)"
  if [[ "$market" != re_pk_* || "$furniture" != re_pk_* || "$brand_b" != re_pk_* ]]; then
    echo "error: could not create the web app's keys (./run keys create …)" >&2
    return 1
  fi
  secret="$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
  (umask 077 && printf '{"marketplace": "%s", "storefronts": {"furniture-co": "%s", "brand-b": "%s"}, "session_secret": "%s"}\n' "$market" "$furniture" "$brand_b" "$secret" >"$file.tmp")
  chmod 600 "$file.tmp" && mv "$file.tmp" "$file"
  echo "web keys written to $file (mode 600)" >&2
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  case "${1:-}" in
    build) web_build ;;
    *) echo "usage: scripts/web.sh build" >&2; exit 2 ;;
  esac
fi
