#!/usr/bin/env bash
# Installs the reference MCP server (@modelcontextprotocol/server-everything) with npm into
# artifacts/mcp, once: the Mcp test category talks to it over stdio and streamable HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."

version=2026.8.31
folder=artifacts/mcp
entry=$folder/node_modules/@modelcontextprotocol/server-everything/package.json

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" nodejs npm
fi

if [ -f "$entry" ] && grep -q "\"version\": \"$version\"" "$entry"; then
  exit 0
fi

mkdir -p "$folder"
[ -f "$folder/package.json" ] || echo '{ "private": true }' > "$folder/package.json"
npm install --prefix "$folder" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/server-everything@$version"
