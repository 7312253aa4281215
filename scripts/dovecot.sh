#!/usr/bin/env bash
# Installs Debian's dovecot-imapd when it is missing: the Imap tests start their own dovecot
# (unprivileged, on a free loopback port, with a configuration in a temporary folder) to read
# mail from, as a bot scheduled `mail` does.
set -euo pipefail

if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" dovecot-imapd
fi
