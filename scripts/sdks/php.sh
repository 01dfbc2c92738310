# Sourced by scripts/sdks.sh. PHP: sdks/php/generator/generate.py (Python 3 standard library) renders
# the models and the Operations trait into src/Generated/ (the runtime is hand-written).
php_sdk=sdks/php
folder_php=$php_sdk
install_php() {
  # php-cli and php-curl from Debian, only when php or its curl extension is missing.
  if command -v php >/dev/null 2>&1 && php -r 'exit(extension_loaded("curl") ? 0 : 1);' >/dev/null 2>&1; then return 0; fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq php-cli php-curl; } >/dev/null
}
# generate_php DIR: write what this SDK generates into DIR, laid out as under sdks/php.
generate_php() {
  python3 "$php_sdk/generator/generate.py" openapi/v1.json "$1/src/Generated"
}
# The generated paths, relative to the SDK's folder, that --check compares.
generated_php=(src/Generated)
