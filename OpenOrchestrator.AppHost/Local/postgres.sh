#!/usr/bin/env bash
# Debian's PostgreSQL as the AppHost's local executable: a cluster of its own in $1 (made on the first
# start), listening on 127.0.0.1:$PGPORT only, the postgres role's password set to $POSTGRES_PASSWORD
# on every start. PostgreSQL will not run as root; as root it runs as the postgres user
# (setpriv execs in place, so stopping the resource stops the server itself).
set -euo pipefail
data="$1"
: "${PGPORT:?the AppHost passes the port}" "${POSTGRES_PASSWORD:?the AppHost passes the password}"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bin" || ! -x "$bin/postgres" ]]; then
  echo "PostgreSQL is not installed: apt-get install postgresql (or run the AppHost with containers)." >&2
  exit 1
fi

as_owner=()
if [[ $(id -u) == 0 ]]; then
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
  mkdir -p "$data"
  chown postgres "$data"
  if ! "${as_owner[@]}" test -w "$data"; then
    echo "The postgres user cannot reach $data: choose a data folder it can (Parameters__data-folder)." >&2
    exit 1
  fi
fi

if [[ ! -s "$data/PG_VERSION" ]]; then
  # Only TCP on 127.0.0.1 with a password; the password itself is set just below.
  "${as_owner[@]}" "$bin/initdb" -D "$data" -U postgres --auth-host=scram-sha-256 --auth-local=peer --encoding=UTF8 >/dev/null
fi

# The password of this start, set before the server listens (single-user mode reads SQL from stdin).
printf "ALTER ROLE postgres PASSWORD '%s';\n" "${POSTGRES_PASSWORD//\'/\'\'}" |
  "${as_owner[@]}" "$bin/postgres" --single -D "$data" postgres >/dev/null

exec "${as_owner[@]}" "$bin/postgres" -D "$data" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories=''
