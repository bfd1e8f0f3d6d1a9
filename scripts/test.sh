#!/usr/bin/env bash
# `make test`: the whole suite against a throwaway PostgreSQL and Redis, plus the browser
# tests in headless Chromium. The services are always stopped: pass, fail or Ctrl-C.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_system_packages
ensure_venv

TMP=$(mktemp -d /tmp/batochild-test.XXXXXX)
chmod 755 "$TMP"   # the postgres user must traverse it when run as root
cleanup() { trap - INT TERM EXIT; stop_services; rm -rf "$TMP"; }
trap cleanup INT TERM EXIT

pg_port=$(free_port)
start_postgres "$TMP/pg" "$pg_port"
redis_port=$(free_port)
start_redis "$TMP/redis" "$redis_port"
export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/batochild"
export REDIS_URL="redis://127.0.0.1:$redis_port/0"
export MEDIA_ROOT="$TMP/media"

"$VENV/bin/python" manage.py compilemessages -v0 --ignore=.venv || exit 1
"$VENV/bin/pytest" "$@"
