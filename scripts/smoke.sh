#!/usr/bin/env bash
# Pastes the API reference's curl examples against a running ./run, as a new partner would.
# Usage: scripts/smoke.sh [base-url]   (default http://127.0.0.1:${PORT:-8080})
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-http://127.0.0.1:${PORT:-8080}}"
key="$(./run keys create --brand furniture-co --role admin --scopes read,write --name smoke 2>/dev/null | tail -n1)"
auth=(-H "Authorization: Bearer $key")
check() { # name expected-status actual-status
  body="$(cat "$out")"
  if [[ "$2" == "$3" ]]; then echo "ok   $1 ($3)"; else echo "FAIL $1: expected $2, got $3: $body"; failed=1; fi
}
failed=0
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
body=""
call() { # method path [json]: prints the status; the body is left in $out
  local status
  if [[ $# -ge 3 ]]; then
    status="$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$base$2" "${auth[@]}" -H "Content-Type: application/json" -d "$3")"
  else
    status="$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$base$2" "${auth[@]}")"
  fi
  echo "$status"
}
s="$(call GET "/v1/listings?per_page=10&channel=clearance")"; check "list listings" 200 "$s"
s="$(call POST /v1/listings '{
"title": "Grey velvet corner sofa",
"description": "Excellent condition, no pet exposure.",
"channel": "clearance",
"price_gbp": 899.00,
"rrp_gbp": 1899.00,
"condition": "like-new",
"category": "Corner Sofas",
"brand": "DFS",
"colour": "Grey",
"fabric": "Velvet",
"age_years": "1 year old",
"delivery_contribution_gbp": 60,
"sku": "FCO-VE-CN-0011"
}')"
check "create listing" 201 "$s"
id="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$body")"
s="$(call GET "/v1/listings/$id")"; check "retrieve listing" 200 "$s"
s="$(call PATCH "/v1/listings/$id" '{ "price_gbp": 549.00 }')"; check "update listing" 200 "$s"
s="$(call GET /v1/listings/options)"; check "taxonomy options" 200 "$s"
s="$(call DELETE "/v1/listings/$id")"; check "delete listing" 200 "$s"
s="$(call PATCH /v1/partner/settings/brand '{
"display_name": "Furniture Co",
"tagline": "Premium British sofas, made to last.",
"support_email": "support@furnitureco.example",
"accent_color": "#1F4FD9"
}')"; check "update brand profile" 200 "$s"
s="$(call PATCH /v1/partner/settings/billing '{
"company_name": "Furniture Co (Trading) Ltd",
"vat_number": "GB123456789",
"invoice_email": "finance@furnitureco.example"
}')"; check "update billing" 200 "$s"
s="$(call POST /v1/partner/settings/warehouses '{
"label": "Long Eaton DC",
"address_1": "12 Industrial Way",
"city": "Long Eaton",
"postcode": "NG10 2QQ",
"is_default": true
}')"; check "create warehouse" 201 "$s"
wid="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["warehouse"]["id"])' "$body")"
s="$(call PATCH "/v1/partner/settings/warehouses/$wid" '{ "label": "Long Eaton DC (Bay 1-12)" }')"; check "update warehouse" 200 "$s"
s="$(call POST "/v1/partner/settings/warehouses/$wid/set-default")"; check "set default warehouse" 200 "$s"
s="$(call GET /v1/partner/settings/warehouses)"; check "list warehouses" 200 "$s"
s="$(call DELETE "/v1/partner/settings/warehouses/$wid")"; check "delete warehouse" 200 "$s"
s="$(call POST /v1/auth/token)"; check "token exchange" 200 "$s"
exit "$failed"
