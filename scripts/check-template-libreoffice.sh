#!/usr/bin/env bash
# Opens the bulk template with LibreOffice (headless) the way a partner's Calc would, and checks that
# the header row survives and the dropdowns are still list validations. Not part of ./test: it needs
# LibreOffice (apt-get install -y libreoffice-calc-nogui, ~2 min). Usage, against a running ./run:
#   scripts/check-template-libreoffice.sh http://127.0.0.1:8080 <admin key>
set -euo pipefail
base="$1" key="$2" out="$(mktemp -d)"
curl -fsS -o "$out/template.xlsx" "$base/v1/listings/bulk-template" -H "Authorization: Bearer $key"
soffice --headless --convert-to csv --outdir "$out" "$out/template.xlsx" >/dev/null 2>&1
soffice --headless --convert-to ods --outdir "$out" "$out/template.xlsx" >/dev/null 2>&1
(cd "$out" && unzip -o -q template.ods content.xml)
echo "header: $(head -n1 "$out/template.csv")"
lists="$(grep -o 'table:content-validation table:name' "$out/content.xml" | wc -l)"
echo "list validations LibreOffice kept: $lists"
[[ "$lists" -ge 1 ]]
