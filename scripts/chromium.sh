#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing: the browser tests and the live benchmark drive
# /usr/bin/chromium through Playwright (no browser download).
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" chromium
fi
