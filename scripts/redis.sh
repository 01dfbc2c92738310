#!/usr/bin/env bash
# Source it: starts (or reuses) a private redis-server for ./run on a unix socket of this checkout
# (.data/redis/redis.sock, mode 700; no TCP port at all), with its pid file and log beside it, and
# exports REPURCH_REDIS_URL=unix://… so that every node started from this checkout shares its rate
# limits, and no other checkout on the machine does. Nothing happens when REPURCH_REDIS_URL is
# already set, when REPURCH_REDIS=0, or when redis-server is not installed (then each node limits
# in process).
#   REPURCH_REDIS       auto (default): start it when installed; 0: never
repurch_redis_up() {
  [[ -z "${REPURCH_REDIS_URL:-}" ]] || return 0
  case "${REPURCH_REDIS:-auto}" in 0|off|false|no) return 0 ;; esac
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "note: redis-server is not installed, so rate limits hold per process (apt-get install -y redis-server to share them)" >&2
    return 0
  fi
  local dir="$PWD/.data/redis"
  local sock="$dir/redis.sock"
  # sun_path holds 107 bytes: a checkout that deep cannot have a socket there.
  if (( ${#sock} > 107 )); then
    echo "warning: $sock is too long a path for a unix socket; rate limits hold per process" >&2
    return 0
  fi
  mkdir -p "$dir"
  ping_redis() { redis-cli -s "$sock" ping 2>/dev/null | grep -q PONG; }
  if ! ping_redis; then
    redis-server --port 0 --unixsocket "$sock" --unixsocketperm 700 --dir "$dir" --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" --appendonly no >/dev/null 2>&1 || true
    local i
    for i in $(seq 50); do ping_redis && break; sleep 0.1; done
    if ! ping_redis; then
      echo "warning: could not start redis-server on $sock (see $dir/redis.log); rate limits hold per process" >&2
      return 0
    fi
    echo "redis-server on $sock (rate limits shared by every node of this checkout; stop it with: redis-cli -s $sock shutdown)" >&2
  fi
  export REPURCH_REDIS_URL="unix://$sock"
}
repurch_redis_up
