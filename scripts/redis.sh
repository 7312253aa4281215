#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing and starts it on 127.0.0.1:6379 (the Orleans
# membership table of the Cluster test category), unless a server already answers there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" redis-server
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  # No service manager here: run it as a daemon, no data written to disk, its log under artifacts/.
  mkdir -p artifacts
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no \
    --logfile "$PWD/artifacts/redis-server.log" >/dev/null
fi

for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
  sleep 1
done
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis did not start" >&2; exit 1; }
