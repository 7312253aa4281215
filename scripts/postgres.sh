#!/usr/bin/env bash
# Installs Debian's PostgreSQL when it is missing, starts a local cluster on 127.0.0.1:5432 and
# gives the postgres role the password the PostgreSQL test category uses.
set -euo pipefail

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  bash "$(dirname "$(readlink -f "$0")")/apt-install.sh" postgresql
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
pg_lsclusters -h | grep -q "^${version} main" || pg_createcluster "$version" main >/dev/null
pg_lsclusters -h | grep -q "^${version} main .* online" || pg_ctlcluster "$version" main start

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
