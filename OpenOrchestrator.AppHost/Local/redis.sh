#!/usr/bin/env bash
# Debian's redis-server as the AppHost's local executable: on 127.0.0.1:$REDIS_PORT, nothing written
# to disk (it holds the Orleans membership table, which the silos rebuild), the password from
# $REDIS_PASSWORD read as configuration on stdin so that it never shows in the process list.
set -euo pipefail
: "${REDIS_PORT:?the AppHost passes the port}" "${REDIS_PASSWORD:?the AppHost passes the password}"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Redis is not installed: apt-get install redis-server (or run the AppHost with containers)." >&2
  exit 1
fi

exec redis-server - --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --protected-mode yes \
  <<<"requirepass \"$REDIS_PASSWORD\""
