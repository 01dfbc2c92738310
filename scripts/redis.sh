#!/usr/bin/env bash
# Source it: starts (or reuses) a private redis-server for ./run, on 127.0.0.1 only, with its pid
# file and log under .data/redis, and exports REPURCH_REDIS_URL so that every node started from this
# checkout shares its rate limits. Nothing happens when REPURCH_REDIS_URL is already set, when
# REPURCH_REDIS=0, or when redis-server is not installed (then each node limits in process).
#   REPURCH_REDIS       auto (default): start it when installed; 0: never
#   REPURCH_REDIS_PORT  6390
repurch_redis_up() {
  [[ -z "${REPURCH_REDIS_URL:-}" ]] || return 0
  case "${REPURCH_REDIS:-auto}" in 0|off|false|no) return 0 ;; esac
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "note: redis-server is not installed, so rate limits hold per process (apt-get install -y redis-server to share them)" >&2
    return 0
  fi
  local port="${REPURCH_REDIS_PORT:-6390}" dir="$PWD/.data/redis"
  mkdir -p "$dir"
  ping_redis() { redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; }
  if ! ping_redis; then
    redis-server --port "$port" --bind 127.0.0.1 --protected-mode yes --dir "$dir" --daemonize yes \
      --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" --appendonly no >/dev/null 2>&1 || true
    local i
    for i in $(seq 50); do ping_redis && break; sleep 0.1; done
    if ! ping_redis; then
      echo "warning: could not start redis-server on 127.0.0.1:$port (see $dir/redis.log); rate limits hold per process" >&2
      return 0
    fi
    echo "redis-server on 127.0.0.1:$port (rate limits shared by every node of this checkout; stop it with: redis-cli -p $port shutdown)" >&2
  fi
  export REPURCH_REDIS_URL="redis://127.0.0.1:$port"
}
repurch_redis_up
