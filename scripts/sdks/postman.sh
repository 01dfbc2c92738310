# Sourced by scripts/sdks.sh. Postman: openapi-to-postmanv2 turns the document into openapi/postman.json
# and its two environments (the "SDK folder" is openapi/, where they are served from).
pm=sdks/postman
folder_postman=openapi
install_postman() {
  if [[ -d "$pm/node_modules/openapi-to-postmanv2" && "$pm/node_modules/.package-lock.json" -nt "$pm/package-lock.json" ]]; then return 0; fi
  command -v npm >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nodejs npm; } >/dev/null
  (cd "$pm" && npm ci --no-audit --no-fund --loglevel=error) >&2
}
generate_postman() {
  node "$pm/generate.mjs" openapi/v1.json "$1"
}
generated_postman=(postman.json postman.sandbox.environment.json postman.live.environment.json)
