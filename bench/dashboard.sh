#!/usr/bin/env bash
# The dashboards' benchmark (bench/README.md, "Dashboards"): a throwaway
# PostgreSQL 15 and Redis on 127.0.0.1, a province of PROVINCE_COMMUNES communes
# of PROVINCE_CHILDREN children (300 x 3,334: 1,000,200 children) with YEARS
# years of casework (about 50,000 cases), every commune's rollups refreshed as
# beat would, then gunicorn (2 sync workers, DEBUG off) and wrk: the commune
# dashboard as P0001's chairman, the province view as its viewer, and the list
# behind "Overdue", each right after /healthz.
#
#   bash bench/dashboard.sh                  # about 20 minutes on 2 cores
#   PROVINCE_COMMUNES=10 bash bench/dashboard.sh    # a small trial
#
# It runs on a frozen copy of the working tree (SNAPSHOT as in run.sh). What it
# starts is stopped on exit, Ctrl-C or failure; its data folder is deleted
# unless KEEP=1. Results go to BENCH_OUT (bench/results/<date>-dashboard).
set -uo pipefail
cd "$(dirname "$0")/.."

SNAPSHOT=${SNAPSHOT:-tree}
if [ "$SNAPSHOT" != 0 ] && [ -z "${BENCH_IN_SNAPSHOT:-}" ]; then
  BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/batochild-dashboard.XXXXXX)}
  mkdir -p "$BENCH_DIR/src"
  git ls-files -z --cached --others --exclude-standard | xargs -0 tar -c 2>/dev/null \
    | tar -x -C "$BENCH_DIR/src" || { echo "copying the working tree failed" >&2; exit 1; }
  changed=$(git status --porcelain -- . ':!bench' | wc -l)
  export BENCH_IN_SNAPSHOT=1 BENCH_DIR VENV="$PWD/${VENV:-.venv}" \
    BENCH_OUT=${BENCH_OUT:-$PWD/bench/results/$(date +%Y-%m-%d)-dashboard} \
    BENCH_COMMIT="$(git rev-parse --short HEAD)" \
    BENCH_CODE="working tree at $(date -u +%H:%MZ): HEAD plus $changed uncommitted files outside bench/"
  mkdir -p "$BENCH_OUT"
  git status --porcelain -- . ':!bench' >"$BENCH_OUT/uncommitted-files.txt"
  exec bash "$BENCH_DIR/src/bench/dashboard.sh"
fi
. scripts/lib.sh

PROVINCE_COMMUNES=${PROVINCE_COMMUNES:-300}
PROVINCE_CHILDREN=${PROVINCE_CHILDREN:-3334}
YEARS=${YEARS:-3}
CASES_PER_YEAR=${CASES_PER_YEAR:-56}
JOBS=${JOBS:-2}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
SESSIONS=${SESSIONS:-8}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/batochild-dashboard.XXXXXX)}
BENCH_OUT=${BENCH_OUT:-$PWD/bench/results/$(date +%Y-%m-%d)-dashboard}
BENCH_COMMIT=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null)}
BENCH_CODE=${BENCH_CODE:-the checkout}
GUNICORN_PID=""

cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  if [ -n "$GUNICORN_PID" ]; then kill "$GUNICORN_PID" 2>/dev/null; wait "$GUNICORN_PID" 2>/dev/null; fi
  stop_services
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DIR"; fi
}
trap cleanup INT TERM EXIT

command -v wrk >/dev/null || die "wrk is missing (Debian package wrk)"
[ -x "$VENV/bin/python" ] || ensure_venv
mkdir -p "$BENCH_OUT" "$BENCH_DIR"
chmod 755 "$BENCH_DIR"  # the postgres user must reach the cluster inside
RESULTS="$BENCH_OUT/results.jsonl"
: >"$RESULTS"

export DJANGO_SETTINGS_MODULE=bench.settings
DJANGO_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
export DJANGO_SECRET_KEY
export STATIC_ROOT="$BENCH_DIR/static" MEDIA_ROOT="$BENCH_DIR/media"
PY="$VENV/bin/python"

pg_port=$(free_port)
start_postgres "$BENCH_DIR/pg" "$pg_port"
ensure_database "$pg_port" bench
export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/bench"
PSQL=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d bench -X -q)
"${PSQL[@]}" -c "ALTER SYSTEM SET max_wal_size = '8GB'" -c "SELECT pg_reload_conf()" >/dev/null
redis_port=$(free_port)
start_redis "$BENCH_DIR/redis" "$redis_port"
export REDIS_URL="redis://127.0.0.1:$redis_port/0"

log "Migrating"
$PY manage.py migrate --no-input -v0 || die "migrate failed"
$PY manage.py collectstatic --no-input -v0 || die "collectstatic failed"
$PY manage.py compilemessages -v0 --ignore=.venv >/dev/null || log "compilemessages failed: pages in English"

phase_start() { date +%s; }
phase_end() { printf '{"phase": "%s", "seconds": %d}\n' "$1" $(($(date +%s) - $2)) >>"$RESULTS"; }

log "Generating the province: $PROVINCE_COMMUNES x $PROVINCE_CHILDREN children (COPY, $JOBS jobs)"
start=$(phase_start)
$PY bench/generate.py --code P --communes "$PROVINCE_COMMUNES" \
  --children-per-commune "$PROVINCE_CHILDREN" --jobs "$JOBS" --method copy \
  >"$BENCH_OUT/generate.log" || die "generate failed, see $BENCH_OUT/generate.log"
phase_end children "$start"
log "Interleaving the children of all communes in the table (CLUSTER on hashint8(id))"
"${PSQL[@]}" -c "CREATE INDEX bench_shuffle ON registry_child ((hashint8(id)))" \
  -c "CLUSTER registry_child USING bench_shuffle" -c "DROP INDEX bench_shuffle" \
  || die "CLUSTER failed"
log "Giving every commune $YEARS years of casework ($CASES_PER_YEAR cases a year)"
start=$(phase_start)
$PY bench/dashboard.py history --code P --jobs "$JOBS" --years "$YEARS" \
  --cases-per-year "$CASES_PER_YEAR" >"$BENCH_OUT/history.log" \
  || die "history failed, see $BENCH_OUT/history.log"
tail -1 "$BENCH_OUT/history.log"
phase_end history "$start"
$PY bench/dashboard.py users --code P || die "users failed"
"${PSQL[@]}" -c "VACUUM ANALYZE" || die "VACUUM failed"

log "Refreshing every commune's rollups ($JOBS processes, as $JOBS workers would)"
$PY bench/dashboard.py refresh --code P --jobs "$JOBS" | tee -a "$RESULTS" || die "refresh failed"
"${PSQL[@]}" -c "VACUUM ANALYZE reports_dashboardrollup" || die "VACUUM failed"

"${PSQL[@]}" -At -F ' ' -c "SELECT 'communes', count(*) FROM registry_commune
  UNION ALL SELECT 'children', count(*) FROM registry_child
  UNION ALL SELECT 'incident_reports', count(*) FROM cases_incidentreport
  UNION ALL SELECT 'cases', count(*) FROM cases_case
  UNION ALL SELECT 'case_events', count(*) FROM cases_caseevent
  UNION ALL SELECT 'referrals', count(*) FROM cases_referral
  UNION ALL SELECT 'rollup_rows', count(*) FROM reports_dashboardrollup
  UNION ALL SELECT 'rollup_mb', pg_total_relation_size('reports_dashboardrollup') / 1048576
  UNION ALL SELECT 'database_mb', pg_database_size('bench') / 1048576" \
  | while read -r key value; do printf '{"size": "%s", "value": %s}\n' "$key" "$value"; done >>"$RESULTS"

web_port=$(free_port)
BASE="http://127.0.0.1:$web_port"
log "Starting gunicorn (2 sync workers) on $BASE"
"$VENV/bin/gunicorn" batochild.wsgi:application --workers 2 --bind "127.0.0.1:$web_port" \
  --log-level warning --error-logfile "$BENCH_DIR/gunicorn.log" &
GUNICORN_PID=$!
for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/healthz" >/dev/null || die "gunicorn did not answer, see $BENCH_DIR/gunicorn.log"

wrk_json() {
  local path=$1 sessions=$2 line
  BENCH_SESSIONS=$sessions wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s bench/wrk.lua "$BASE$path" >/dev/null
  line=$(BENCH_SESSIONS=$sessions wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
    -s bench/wrk.lua "$BASE$path" | sed -n 's/^JSON //p')
  [ -n "$line" ] || die "wrk gave no result for $path"
  echo "$line"
}

background_cpu() {
  local a b
  sleep 2
  a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
  echo "$a $b" | awk '{ idle1 = $5 + $6; idle2 = $16 + $17; t1 = 0; t2 = 0
    for (i = 2; i <= 9; i++) t1 += $i; for (i = 13; i <= 20; i++) t2 += $i
    printf "%.0f", 100 * (1 - (idle2 - idle1) / (t2 - t1)) }'
}

# measure NAME USERNAME PATH MARKER: one GET must answer 200 with MARKER in the
# page; then /healthz and the page, each for DURATION after a 2 s warm-up.
measure() {
  local name=$1 user=$2 path=$3 marker=$4 sessions cookie code base page load
  sessions=$($PY bench/pages.py sessions "$user" "$SESSIONS" | tr '\n' ' ')
  cookie=${sessions%% *}
  code=$(curl -s -o "$BENCH_DIR/check.html" -w '%{http_code}' -b "sessionid=$cookie" "$BASE$path")
  [ "$code" = 200 ] || die "GET $path answered $code"
  grep -q "$marker" "$BENCH_DIR/check.html" || die "GET $path: no $marker"
  load=$(background_cpu)
  base=$(wrk_json /healthz "")
  page=$(wrk_json "$path" "$sessions")
  printf '{"page": "%s", "path": "%s", "background_cpu": %s, "healthz": %s, "wrk": %s}\n' \
    "$name" "$path" "$load" "$base" "$page" >>"$RESULTS"
  log "$name: $page (healthz just before: $base)"
  $PY bench/pages.py explain "$user" "$BENCH_OUT/plans-$name.txt" "$path" \
    | sed 's/^/{"explain": /; s/$/}/' >>"$RESULTS"
}

measure dashboard bench.chairman /dashboard/ 'id="cards"'
measure province bench.viewer /dashboard/province/ 'id="province-table"'
measure province-sorted bench.viewer '/dashboard/province/?sort=abuse.children&order=desc' 'id="province-table"'
measure overdue-list bench.chairman /dashboard/list/overdue/ 'data-section="cases"'

printf '{"commit": "%s", "code": "%s", "date": "%s", "cores": %s, "duration": "%s", "connections": %s, "threads": %s, "postgres": "%s"}\n' \
  "$BENCH_COMMIT" "$BENCH_CODE" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$DURATION" \
  "$CONNECTIONS" "$THREADS" "$("${PSQL[@]}" -Atc 'SHOW server_version')" >>"$RESULTS"
$PY bench/dashboard.py summary "$RESULTS" | tee "$BENCH_OUT/summary.md"
log "Results in $BENCH_OUT"
