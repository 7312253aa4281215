#!/usr/bin/env bash
# Installs Debian's bubblewrap when it is missing: the code tool runs commands in its sandbox.
set -euo pipefail

if ! command -v bwrap >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq bubblewrap >/dev/null
fi
