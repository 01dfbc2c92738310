# Sourced by scripts/sdks.sh. .NET: Kiota (a local dotnet tool, .config/dotnet-tools.json) turns the
# document into src/Repurch.Sdk/Generated (request builders and models); the runtime around it is hand-written.
dn=sdks/dotnet
folder_dotnet=$dn
install_dotnet() {
  # dotnet tool restore is quick once the tool is in the NuGet cache.
  dotnet tool restore >/dev/null
}
# generate_dotnet DIR: write what this SDK generates into DIR, laid out as under sdks/dotnet.
generate_dotnet() {
  local out="$1/src/Repurch.Sdk/Generated" log
  log="$(mktemp)"
  # KIOTA_UPDATE_DISABLED: no look-up of newer releases (the machine cannot reach it, and it is noise).
  if ! KIOTA_UPDATE_DISABLED=true dotnet kiota generate -l CSharp -d openapi/v1.json -o "$out" \
      -n Repurch.Sdk.Generated -c RepurchApiClient --exclude-backward-compatible --clean-output >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
  # The lock file records where the document was read from (a scratch folder under --check): not reproducible.
  rm -f "$out/kiota-lock.json"
}
# The generated paths, relative to the SDK's folder, that --check compares.
generated_dotnet=(src/Repurch.Sdk/Generated)
