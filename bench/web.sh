#!/usr/bin/env bash
# bench/web.sh: the storefront listing page's server response time against the API read it is built
# from, as a ratio measured in the same run, then Lighthouse's performance and accessibility scores.
#
#   bench/web.sh [--requests 200] [--warmup 30] [--rounds 3] [--port 18098] [--web-port 13098]
#                [--desktop] [--no-lighthouse] [--check] [--keep-cluster]
#
# Demo data as ./run seeds it (furniture-co, brand-b, sofalistic), in a cluster of its own
# (.data/webbench, BENCH_WEB_PG_PORT 54346) with its own keys file (bench/out/web/keys.json, mode 600).
# The API runs in Release as in production (rate limits out of the way) and the web app as
# `next start` after scripts/web.sh's build.
#
# Response times (curl's time_total, one request at a time, keep-alive off like a first visit):
#   page  GET /product/<slug>-<id> on clearance.furniture-co.localhost (the whole server render:
#         profile, listing, HTML; the profile is cached 5 s by the web server as in production)
#   api   GET /v1/storefront/listings/<id> with furniture-co's storefront key (the read the page needs)
# printed per round as median and p90 in ms and page / api. The issue's target: a page median under
# 100 ms on this machine.
#
# Lighthouse 12.2.3 (bench/lighthouse, its own lock; 13 needs Node 22) in Debian's chromium
# (CHROME_PATH, --headless=new --no-sandbox), mobile emulation with simulated throttling unless
# --desktop, on the storefront's home, search and listing pages. --check exits 1 when any score is
# below 90 (otherwise the table is only printed).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

requests=200 warmup=30 rounds=3 port=18098 web_port=13098 desktop=0 lighthouse=1 check=0 keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests|--warmup|--rounds|--port|--web-port)
      [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "$1 needs an integer" >&2; exit 2; }
      name="${1#--}"; declare "${name//-/_}=$2"; shift 2 ;;
    --desktop) desktop=1; shift ;;
    --no-lighthouse) lighthouse=0; shift ;;
    --check) check=1; shift ;;
    --keep-cluster) keep=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
(( requests >= 10 && requests <= 10000 && rounds >= 1 && rounds <= 10 )) \
  || { echo "bounds: 10 <= requests <= 10000, 1 <= rounds <= 10" >&2; exit 2; }
for p in "$port" "$web_port"; do
  if ss -ltn "sport = :$p" | grep -q LISTEN; then echo "bench: port $p is in use; pass --port / --web-port" >&2; exit 1; fi
done

out="$BENCH_OUT/web"
mkdir -p "$out"
api="" web=""
cleanup() {
  local status=$?
  for pid in "$web" "$api"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if [[ "$keep" == "0" && -f ".data/webbench/postmaster.pid" ]]; then
    bench_as_postgres "$PG_BIN/pg_ctl" -D "$(pwd)/.data/webbench" -m fast -w stop >/dev/null && echo "bench: stopped cluster .data/webbench" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

unset REPURCH_DATABASE_URL REPURCH_SANDBOX_DATABASE_URL REPURCH_MIGRATOR_DATABASE_URL REPURCH_SANDBOX_MIGRATOR_DATABASE_URL
source scripts/pg.sh webbench "${BENCH_WEB_PG_PORT:-54346}" repurch >&2
bench_build_api
cli=(dotnet "$BENCH_API_DLL")
"${cli[@]}" migrate >&2
# The seed prints the demo accounts' passwords and sandbox keys: into a file of this run, not the terminal.
(umask 077 && "${cli[@]}" seed >"$out/seed.log" 2>&1) || { echo "bench: seed failed, see $out/seed.log" >&2; exit 1; }
source scripts/web.sh
web_build

# This cluster's own keys (web_keys keeps ./run's .data/web/keys.json, made for another cluster).
keys="$out/keys.json"
market="$("${cli[@]}" keys create --brand sofalistic --role marketplace --scopes read --name web-bench 2>/dev/null | tail -n1)"
furniture="$("${cli[@]}" keys create --brand furniture-co --role storefront --scopes read,write --name web-bench 2>/dev/null | tail -n1)"
[[ "$market" == re_pk_* && "$furniture" == re_pk_* ]] || { echo "bench: could not create keys" >&2; exit 1; }
(umask 077 && printf '{"marketplace": "%s", "storefronts": {"furniture-co": "%s"}, "session_secret": "%s"}\n' \
  "$market" "$furniture" "$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')" >"$keys")

env ASPNETCORE_ENVIRONMENT=Production PORT="$port" Logging__LogLevel__Default=Warning \
  RateLimits__Default__PermitsPerSecond=1000000 RateLimits__Default__Burst=1000000 \
  "${cli[@]}" serve >"$out/api.log" 2>&1 &
api=$!
(cd web && REPURCH_API_URL="http://127.0.0.1:$port" REPURCH_WEB_KEYS="$PWD/../$keys" \
  exec node node_modules/next/dist/bin/next start -p "$web_port" -H 127.0.0.1) >"$out/web.log" 2>&1 &
web=$!
host="clearance.furniture-co.localhost:$web_port"
for _ in $(seq 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && curl -sf -o /dev/null -H "Host: $host" "http://127.0.0.1:$web_port/robots.txt" && break
  kill -0 "$api" 2>/dev/null || { cat "$out/api.log" >&2; exit 1; }
  kill -0 "$web" 2>/dev/null || { cat "$out/web.log" >&2; exit 1; }
  sleep 0.2
done

# The newest clearance listing of furniture-co, as its storefront lists it.
listing="$(curl -sf -H "Authorization: Bearer $furniture" "http://127.0.0.1:$port/v1/storefront/listings?channel=clearance&per_page=1")"
id="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])' <<<"$listing")"
path="$(python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(sys.stdin)["data"][0]["url"]).path)' <<<"$listing")"
page_url="http://127.0.0.1:$web_port$path"
api_url="http://127.0.0.1:$port/v1/storefront/listings/$id"
code="$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $host" "$page_url")"
[[ "$code" == 200 ]] || { echo "bench: $host$path answered $code" >&2; tail -n 40 "$out/web.log" >&2; exit 1; }
echo "bench: listing $id at http://$host$path" >&2

# $1 side (page|api), $2 count: one time_total in ms per line.
times() {
  local i
  for ((i = 0; i < $2; i++)); do
    if [[ "$1" == page ]]; then
      curl -s -o /dev/null -H "Host: $host" -H 'Connection: close' -w '%{http_code} %{time_total}\n' "$page_url"
    else
      curl -s -o /dev/null -H "Authorization: Bearer $furniture" -H 'Connection: close' -w '%{http_code} %{time_total}\n' "$api_url"
    fi
  done | awk '$1 != 200 { print "bench: answered " $1 > "/dev/stderr"; exit 1 } { printf "%.3f\n", $2 * 1000 }'
}
# median and p90 (nearest rank) of the numbers in file $1.
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); p = int(NR * 0.9 + 0.999); printf "%.1f %.1f", v[m], v[p] }'; }

times page "$warmup" >/dev/null
times api "$warmup" >/dev/null
printf 'round\tpage_p50_ms\tpage_p90_ms\tapi_p50_ms\tapi_p90_ms\tpage/api_p50\n' | tee "$out/web.tsv"
for ((r = 1; r <= rounds; r++)); do
  # Alternate which side goes first, so neither always runs on a warmer or quieter machine.
  if ((r % 2)); then times page "$requests" >"$out/page-$r.txt"; times api "$requests" >"$out/api-$r.txt"
  else times api "$requests" >"$out/api-$r.txt"; times page "$requests" >"$out/page-$r.txt"; fi
  read -r pm p9 <<<"$(stats "$out/page-$r.txt")"
  read -r am a9 <<<"$(stats "$out/api-$r.txt")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$pm" "$p9" "$am" "$a9" "$(awk -v p="$pm" -v a="$am" 'BEGIN { printf "%.2f", (a > 0) ? p / a : 0 }')" | tee -a "$out/web.tsv"
done
cat "$out"/page-[0-9]*.txt >"$out/all-page.txt"; cat "$out"/api-[0-9]*.txt >"$out/all-api.txt"
read -r pm p9 <<<"$(stats "$out/all-page.txt")"; read -r am a9 <<<"$(stats "$out/all-api.txt")"
echo "all rounds: page median ${pm} ms (p90 ${p9}), api median ${am} ms (p90 ${a9}), page/api $(awk -v p="$pm" -v a="$am" 'BEGIN { printf "%.2f", p / a }'); target: page median < 100 ms"

[[ "$lighthouse" == 1 ]] || exit 0
web_npm_ci bench/lighthouse
export CHROME_PATH="${REPURCH_CHROMIUM:-/usr/bin/chromium}"
# chromium resolves *.localhost to loopback itself, so the storefront's own host names work as they are.
base="http://$host"
search_word="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["title"].split()[0])' <<<"$listing")"
failed=0
printf '%-8s %-76s %12s %14s\n' page url performance accessibility | tee "$out/lighthouse.txt"
for name in home search listing; do
  case "$name" in
    home) url="$base/" ;;
    search) url="$base/search?q=$search_word" ;;
    listing) url="$base$path" ;;
  esac
  flags=(--only-categories=performance,accessibility --output=json --output-path="$out/lighthouse-$name.json" --quiet
    --chrome-flags="--headless=new --no-sandbox --disable-gpu")
  [[ "$desktop" == 1 ]] && flags+=(--preset=desktop)
  node bench/lighthouse/node_modules/lighthouse/cli/index.js "$url" "${flags[@]}" 2>"$out/lighthouse-$name.log" \
    || { echo "bench: lighthouse failed on $url" >&2; tail -n 20 "$out/lighthouse-$name.log" >&2; exit 1; }
  read -r perf a11y <<<"$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["categories"]; print(round(c["performance"]["score"]*100), round(c["accessibility"]["score"]*100))' "$out/lighthouse-$name.json")"
  printf '%-8s %-76s %12s %14s\n' "$name" "$url" "$perf" "$a11y" | tee -a "$out/lighthouse.txt"
  (( perf >= 90 && a11y >= 90 )) || failed=1
done
if [[ "$check" == 1 && "$failed" == 1 ]]; then echo "bench: a score is below 90" >&2; exit 1; fi
