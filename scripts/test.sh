#!/usr/bin/env bash
# Runs the whole suite: grain, API and tool tests, end-to-end tests against the real process,
# the PostgreSQL category (a local server this script installs and starts), and the Cluster
# category (silo processes on that PostgreSQL, clustering through a local Redis), and the Mcp
# category (the reference MCP server from npm, over stdio and streamable HTTP), and the Imap
# category (each fixture starts its own dovecot from Debian's dovecot-imapd).
# Pass dotnet test options after it, e.g. scripts/test.sh --filter "Category!=PostgreSQL".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgres.sh
bash scripts/redis.sh
bash scripts/chromium.sh
bash scripts/sandbox.sh
bash scripts/smtp.sh
bash scripts/dovecot.sh
bash scripts/mcp.sh
export OO_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"

dotnet build OpenOrchestrator.sln -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
set +e
dotnet test OpenOrchestrator.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test assemblies.
awk '/(Passed|Failed)! +- Failed:/ {
       gsub(",", "");
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1);
         if ($i == "Passed:") p += $(i + 1);
         if ($i == "Skipped:") s += $(i + 1);
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
