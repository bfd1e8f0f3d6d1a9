#!/usr/bin/env bash
# `make run`: set everything up on a fresh machine and serve the app with demo data.
# Ctrl-C stops every process this script started; the data stays in .local/.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

LOCAL=${LOCAL_DIR:-$PWD/.local}
PORT=${PORT:-8000}
PIDS=()

cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  stop_services
}
trap cleanup INT TERM EXIT

ensure_system_packages
ensure_venv
mkdir -p "$LOCAL" staticfiles  # WhiteNoise warns when STATIC_ROOT is missing
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-batochild.settings.dev}
export MEDIA_ROOT=${MEDIA_ROOT:-$LOCAL/media}

if [ -z "${DATABASE_URL:-}" ]; then
  pg_port=${PG_PORT:-55432}
  start_postgres "${PG_DIR:-$LOCAL/pg}" "$pg_port"
  ensure_database "$pg_port" batochild
  export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/batochild"
fi
if [ -z "${REDIS_URL:-}" ]; then
  redis_port=${REDIS_PORT:-56379}
  start_redis "$LOCAL/redis" "$redis_port"
  export REDIS_URL="redis://127.0.0.1:$redis_port/0"
fi

M="$VENV/bin/python manage.py"
log "Migrating"; $M migrate --no-input -v0 || exit 1
log "Compiling translations"; $M compilemessages -v0 --ignore=.venv || exit 1
log "Loading reference data and demo data"
$M seed_demo || exit 1

"$VENV/bin/celery" -A batochild worker --loglevel=INFO --concurrency=2 >"$LOCAL/worker.log" 2>&1 &
PIDS+=($!)
"$VENV/bin/celery" -A batochild beat --loglevel=INFO --schedule "$LOCAL/celerybeat-schedule" \
  >"$LOCAL/beat.log" 2>&1 &
PIDS+=($!)
$M runserver "127.0.0.1:$PORT" &
PIDS+=($!)

cat <<BANNER

  batochild is running at  http://127.0.0.1:$PORT/
  Celery worker and beat log to $LOCAL/worker.log and $LOCAL/beat.log.
  Demo logins (password: batochild-demo):
$($M seed_demo --list-logins)

  Press Ctrl-C to stop everything.

BANNER
# Stop as soon as any of the three ends, so a crash does not leave a half-running app.
wait -n "${PIDS[@]}"
