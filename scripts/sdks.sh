#!/usr/bin/env bash
# scripts/sdks.sh            regenerate every SDK's generated code from openapi/v1.json (./run sdks calls it)
# scripts/sdks.sh --check    generate into a scratch folder and fail (exit 1, with a diff) when a
#                            committed SDK differs from a fresh generation (the SDK drift tests run it)
# scripts/sdks.sh --install  only install the generators' and runtimes' pinned packages (./test runs it)
# A second argument names one SDK (typescript, python, php, dotnet, postman) instead of all of them.
# Each SDK is one file, scripts/sdks/<name>.sh, defining folder_<name> (where its generated files live),
# install_<name>, generate_<name> DIR (writes them into DIR, laid out as that folder) and generated_<name>
# (the paths under it that --check compares). Toolchains install from committed lock files, never anew.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-generate}"
case "$mode" in generate|--check|--install) ;; *) echo "usage: scripts/sdks.sh [--check|--install] [sdk]" >&2; exit 2 ;; esac
declare -A folder
for f in scripts/sdks/*.sh; do
  source "$f"
  n="$(basename "$f" .sh)"
  declare -n dir="folder_$n"
  folder[$n]="$dir"
  unset -n dir
done
if [[ -n "${2:-}" ]]; then names=("$2"); else mapfile -t names < <(printf '%s\n' "${!folder[@]}" | sort); fi
for n in "${names[@]}"; do [[ -n "${folder[$n]:-}" ]] || { echo "unknown SDK: $n" >&2; exit 2; }; done

# Parallel test classes install at once: one installer at a time, the rest find it done.
exec 9>"${TMPDIR:-/tmp}/repurch-sdks-install.lock"
flock 9
for n in "${names[@]}"; do "install_$n"; done
flock -u 9
[[ "$mode" == --install ]] && exit 0

if [[ "$mode" == generate ]]; then
  for n in "${names[@]}"; do
    "generate_$n" "${folder[$n]}"
    echo "regenerated ${folder[$n]}" >&2
  done
  exit 0
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for n in "${names[@]}"; do
  mkdir -p "$scratch/$n"
  "generate_$n" "$scratch/$n"
  declare -n paths="generated_$n"
  for p in "${paths[@]}"; do
    if ! diff -ru "${folder[$n]}/$p" "$scratch/$n/$p" >"$scratch/diff"; then
      echo "${folder[$n]}/$p differs from a fresh generation from openapi/v1.json: run ./run sdks and commit it" >&2
      head -n 40 "$scratch/diff" >&2
      status=1
    fi
  done
  unset -n paths
done
[[ $status == 0 ]] && echo "SDKs match openapi/v1.json" >&2
exit $status
