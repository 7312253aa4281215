#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the browser tests and the live benchmark drive
# /usr/bin/chromium through Playwright (no browser download).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
