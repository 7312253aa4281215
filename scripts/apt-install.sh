#!/usr/bin/env bash
# Installs Debian packages, waiting (up to 10 minutes) for another apt-get or dpkg that holds
# the lock instead of failing at once. Usage: bash scripts/apt-install.sh package...
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
wait_for_lock=(-o DPkg::Lock::Timeout=600)
apt-get "${wait_for_lock[@]}" update -qq
apt-get "${wait_for_lock[@]}" install -y -qq "$@" >/dev/null
