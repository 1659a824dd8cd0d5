#!/usr/bin/env bash
# Run a throwaway PostgreSQL cluster in a directory, for development and integration tests.
#
# Why: deployments store into PostgreSQL, so the store's integration tests run against a real
# server; the test machines have no Docker, so we run Debian's own server binaries with
# initdb/pg_ctl in a directory of our choosing, on 127.0.0.1 only, with trust authentication.
# Nothing here touches the system's own clusters (pg_lsclusters) or port 5432.
#
# initdb refuses to run as root, so when run as root the cluster belongs to the `postgres`
# system user (created by Debian's package; created here if missing) and every server command
# runs through runuser. The directory must then be one that user can reach (e.g. under /tmp).
set -euo pipefail

# Seconds pg_ctl waits for the server to accept connections.
START_TIMEOUT=${NEWSFLOW_POSTGRES_START_TIMEOUT:-60}
DEFAULT_DIR=${TMPDIR:-/tmp}/newsflow-postgres-$(id -un)
DEFAULT_PORT=55432  # not 5432: that belongs to a system cluster, if any
DB_NAME=newsflow
PG_SUPERUSER=postgres  # the superuser initdb creates, whoever runs the server

usage() {
  cat <<EOF
Usage:
  deploy/postgres.sh install
      Install Debian's PostgreSQL server binaries (apt-get install -y postgresql) unless
      /usr/lib/postgresql/*/bin/initdb is already there. Needs root.
  deploy/postgres.sh installed
      Exit 0 when the server binaries are installed, 1 otherwise (prints nothing).
  deploy/postgres.sh start [--port N] [--dir D]
      Create (first time) and start a cluster in D (default $DEFAULT_DIR) listening on
      127.0.0.1:N only (default $DEFAULT_PORT), trust auth, with a database '$DB_NAME'.
      Prints its URL: postgresql+psycopg://$PG_SUPERUSER@127.0.0.1:N/$DB_NAME
  deploy/postgres.sh stop [--dir D]
      Stop the cluster in D (default $DEFAULT_DIR).
EOF
}

die() { echo "postgres.sh: $*" >&2; exit 1; }

# The newest installed server's bin directory (Debian keeps them off PATH, one per version).
pg_bin() {
  local found=(/usr/lib/postgresql/*/bin/initdb)
  [[ -x ${found[0]} ]] || return 1  # an unmatched glob stays literal
  dirname "$(printf '%s\n' "${found[@]}" | sort -V | tail -n 1)"
}

cmd_install() {
  if pg_bin >/dev/null; then
    echo "PostgreSQL server binaries already installed in $(pg_bin)"
    return
  fi
  (($(id -u) == 0)) || die "installing PostgreSQL needs root: sudo $0 install"
  # The package also creates (and, with systemd, starts) a system cluster on 5432; harmless here,
  # since we run our own clusters on other ports.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin >/dev/null || die "apt-get installed postgresql but no initdb under /usr/lib/postgresql"
  echo "Installed PostgreSQL server binaries in $(pg_bin)"
}

# Run a command as the cluster's owner: ourselves, or `postgres` when we are root. From inside
# the cluster directory, because the tools complain when they cannot read the current directory
# (root's home, say).
as_owner() {
  if (($(id -u) == 0)); then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

ensure_owner_user() {
  (($(id -u) == 0)) || return 0
  id postgres >/dev/null 2>&1 && return 0
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no nc needed).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

parse_dir_and_port() {
  port=$DEFAULT_PORT dir=$DEFAULT_DIR
  while (($#)); do
    case $1 in
      --port) [[ $cmd == start ]] || die "stop takes no --port"; port=${2:?--port needs a value}; shift 2 ;;
      --dir) dir=${2:?--dir needs a value}; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option for $cmd: $1" ;;
    esac
  done
}

cmd_start() {
  local bin data
  bin=$(pg_bin) || die "PostgreSQL is not installed: run deploy/postgres.sh install"
  ensure_owner_user

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  data=$dir/data
  if (($(id -u) == 0)); then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" -a -x "$dir" \
      || die "the postgres user cannot write $dir (a parent directory is closed to it?): choose a --dir under /tmp"
  fi
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    die "a cluster in $dir is already running: deploy/postgres.sh stop --dir $dir"
  fi
  # Otherwise pg_ctl's wait could be fooled, and our clients would reach someone else's server.
  ! port_open "$port" || die "port $port on 127.0.0.1 is already in use"

  if [[ ! -f $data/PG_VERSION ]]; then
    # --no-sync, and fsync=off below: a throwaway test cluster trades durability for speed.
    as_owner "$bin/initdb" -D "$data" -U "$PG_SUPERUSER" --auth=trust -E UTF8 --no-locale \
      --no-sync >"$dir/initdb.log" 2>&1 \
      || { tail -n 20 "$dir/initdb.log" >&2; die "initdb failed (log: $dir/initdb.log)"; }
    echo "include_if_exists = 'newsflow.conf'" >>"$data/postgresql.conf"
  fi
  # Rewritten on every start, since the port may change between starts.
  # unix_socket_directories='': TCP on 127.0.0.1 only; a socket path would need a directory the
  # server may write and a short path (pytest's temporary paths can exceed the 107-byte limit).
  as_owner tee "$data/newsflow.conf" >/dev/null <<EOF
# Written by deploy/postgres.sh on each start.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t "$START_TIMEOUT" start >/dev/null \
    || { tail -n 20 "$dir/postgres.log" >&2; die "the server did not start (log: $dir/postgres.log)"; }

  local psql=("$bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1)
  if [[ -z $(as_owner "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'") ]]; then
    as_owner "${psql[@]}" -c "CREATE DATABASE $DB_NAME" >/dev/null
  fi
  echo "postgresql+psycopg://$PG_SUPERUSER@127.0.0.1:$port/$DB_NAME"
}

cmd_stop() {
  local bin data=$dir/data
  bin=$(pg_bin) || die "PostgreSQL is not installed"
  if [[ -d $data ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # fast: roll back open transactions and disconnect clients (tests may leave some behind).
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "stopped the cluster in $dir"
  else
    echo "no cluster running in $dir"
  fi
}

cmd=${1:-}
case $cmd in
  install) shift; cmd_install "$@" ;;
  installed) pg_bin >/dev/null ;;
  start|stop) shift; parse_dir_and_port "$@"; "cmd_$cmd" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
