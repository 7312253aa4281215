#!/usr/bin/env bash
# Installs Debian's aiosmtpd when it is missing: the e-mail tests send to a local SMTP server
# (tests/OpenOrchestrator.Testing/smtp_sink.py). Debian's own python3 is the one that sees it,
# whatever python3 comes first on PATH.
set -euo pipefail

if ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" python3-aiosmtpd
fi
