#!/usr/bin/env bash
# Installs Debian's bubblewrap when it is missing: the code tool runs commands in its sandbox.
set -euo pipefail

if ! command -v bwrap >/dev/null; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" bubblewrap
fi
