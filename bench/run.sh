#!/usr/bin/env bash
# The benchmark of DESIGN.md §6 (bench/README.md): a throwaway PostgreSQL 15 and
# Redis on 127.0.0.1, a commune of 5,000 children and a "province" of
# PROVINCE_COMMUNES x PROVINCE_CHILDREN children, gunicorn (2 sync workers, DEBUG
# off) and wrk. Each page is measured next to /healthz in the same phase.
#
#   bash bench/run.sh                     # the full run (about 12 minutes, 2 cores)
#   PROVINCE_COMMUNES=10 bash bench/run.sh   # a smaller province
#
# Everything it starts is stopped on exit, Ctrl-C or failure. Data lives in
# BENCH_DIR (a new temporary folder unless set) and is deleted at the end unless
# KEEP=1. Results go to BENCH_OUT (bench/results/<date> by default).
set -uo pipefail
cd "$(dirname "$0")/.."

# Others commit and edit in this checkout while the benchmark runs (a model edited
# mid-run breaks the helpers), so the benchmark runs on a frozen copy in
# BENCH_DIR/src, with this checkout's virtualenv:
#   SNAPSHOT=tree (default)  the working tree as it is at the start: tracked and
#                            untracked files that git does not ignore;
#   SNAPSHOT=head            HEAD (git archive) plus the working tree's bench/;
#   SNAPSHOT=0               no copy: the checkout itself.
SNAPSHOT=${SNAPSHOT:-tree}
if [ "$SNAPSHOT" != 0 ] && [ -z "${BENCH_IN_SNAPSHOT:-}" ]; then
  BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/batochild-bench.XXXXXX)}
  mkdir -p "$BENCH_DIR/src"
  if [ "$SNAPSHOT" = head ]; then
    git archive HEAD | tar -x -C "$BENCH_DIR/src" || { echo "git archive failed" >&2; exit 1; }
    cp bench/*.py bench/*.sh bench/*.lua "$BENCH_DIR/src/bench/"
    code="HEAD (git archive) with the working tree's bench/"
  else
    git ls-files -z --cached --others --exclude-standard | xargs -0 tar -c 2>/dev/null \
      | tar -x -C "$BENCH_DIR/src" || { echo "copying the working tree failed" >&2; exit 1; }
    changed=$(git status --porcelain -- . ':!bench' | wc -l)
    code="working tree at $(date -u +%H:%MZ): HEAD plus $changed uncommitted files outside bench/"
  fi
  export BENCH_IN_SNAPSHOT=1 BENCH_DIR VENV="$PWD/${VENV:-.venv}" \
    BENCH_OUT=${BENCH_OUT:-$PWD/bench/results/$(date +%Y-%m-%d)} \
    BENCH_COMMIT="$(git rev-parse --short HEAD)" BENCH_CODE="$code"
  mkdir -p "$BENCH_OUT"
  git status --porcelain -- . ':!bench' >"$BENCH_OUT/uncommitted-files.txt"
  exec bash "$BENCH_DIR/src/bench/run.sh"
fi
. scripts/lib.sh

COMMUNE_CHILDREN=${COMMUNE_CHILDREN:-5000}
PROVINCE_COMMUNES=${PROVINCE_COMMUNES:-100}
PROVINCE_CHILDREN=${PROVINCE_CHILDREN:-10000}
JOBS=${JOBS:-2}
# bulk_create is the default of generate.py; for 1 M children it is too slow
# here (bench/README.md), so the province's children go in with COPY.
PROVINCE_METHOD=${PROVINCE_METHOD:-copy}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
EXPORTS=${EXPORTS:-3}
SESSIONS=${SESSIONS:-8}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/batochild-bench.XXXXXX)}
BENCH_OUT=${BENCH_OUT:-$PWD/bench/results/$(date +%Y-%m-%d)}
GUNICORN_PID=""

cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  if [ -n "$GUNICORN_PID" ]; then kill "$GUNICORN_PID" 2>/dev/null; wait "$GUNICORN_PID" 2>/dev/null; fi
  stop_services
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DIR"; fi
}
trap cleanup INT TERM EXIT

command -v wrk >/dev/null || {
  if is_root && command -v apt-get >/dev/null; then
    log "Installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null \
      || die "apt-get could not install wrk"
  else
    die "wrk is missing (Debian package wrk)"
  fi
}
if [ -n "${BENCH_IN_SNAPSHOT:-}" ]; then
  # The checkout's virtualenv, as it is: never reinstalled from the snapshot.
  [ -x "$VENV/bin/python" ] || die "no virtualenv at $VENV (run make test once)"
else
  ensure_venv
fi
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
# Bulk loading only: fewer checkpoints (reloadable, no restart). The rest of the
# server configuration is PostgreSQL's default (shared_buffers 128 MB).
"${PSQL[@]}" -c "ALTER SYSTEM SET max_wal_size = '8GB'" -c "SELECT pg_reload_conf()" >/dev/null
redis_port=$(free_port)
start_redis "$BENCH_DIR/redis" "$redis_port"
export REDIS_URL="redis://127.0.0.1:$redis_port/0"

log "Migrating"
$PY manage.py migrate --no-input -v0 || die "migrate failed"
$PY manage.py collectstatic --no-input -v0 || die "collectstatic failed"
if [ -n "${BENCH_IN_SNAPSHOT:-}" ]; then
  # The catalogue is compiled (git-ignored .mo) only inside the snapshot.
  $PY manage.py compilemessages -v0 --ignore=.venv >/dev/null || log "compilemessages failed: pages in English"
fi

vacuum() { "${PSQL[@]}" -c "VACUUM ANALYZE" || die "VACUUM failed"; }

web_port=$(free_port)
BASE="http://127.0.0.1:$web_port"
log "Starting gunicorn (2 sync workers) on $BASE"
"$VENV/bin/gunicorn" batochild.wsgi:application --workers 2 --bind "127.0.0.1:$web_port" \
  --log-level warning --error-logfile "$BENCH_DIR/gunicorn.log" &
GUNICORN_PID=$!
for _ in $(seq 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/healthz" >/dev/null || die "gunicorn did not answer, see $BENCH_DIR/gunicorn.log"

# check PATH: one GET as the phase's first session must answer 200 with the list.
check() {
  local path=$1 cookie=${SESSION_LIST%% *} code
  code=$(curl -s -o "$BENCH_DIR/check.html" -w '%{http_code}' -b "sessionid=$cookie" "$BASE$path")
  [ "$code" = 200 ] || die "GET $path answered $code (not logged in?)"
  grep -q 'id="child-table"' "$BENCH_DIR/check.html" || die "GET $path: no child table"
}

# wrk_json PATH SESSIONS [HEADER]: wrk for DURATION after a 2 s warm-up; its JSON line.
wrk_json() {
  local path=$1 sessions=$2 header=${3:-} line
  local -a extra=()
  [ -n "$header" ] && extra=(-H "$header")
  BENCH_SESSIONS=$sessions wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "${extra[@]}" \
    -s bench/wrk.lua "$BASE$path" >/dev/null
  line=$(BENCH_SESSIONS=$sessions wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" \
    "${extra[@]}" -s bench/wrk.lua "$BASE$path" | sed -n 's/^JSON //p')
  [ -n "$line" ] || die "wrk gave no result for $path"
  echo "$line"
}

# background_cpu: percent of both cores busy during 1 s while the benchmark is idle
# (2 s after the last request; PostgreSQL's own background work included): mostly
# other people's work on this shared machine.
background_cpu() {
  local a b
  sleep 2
  a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
  echo "$a $b" | awk '{ idle1 = $5 + $6; idle2 = $16 + $17; t1 = 0; t2 = 0
    for (i = 2; i <= 9; i++) t1 += $i; for (i = 13; i <= 20; i++) t2 += $i
    printf "%.0f", 100 * (1 - (idle2 - idle1) / (t2 - t1)) }'
}

# measure PHASE NAME PATH [HEADER]: /healthz, then the page as the officer, so
# each page has a trivial page measured right before it (the machine is shared).
measure() {
  local phase=$1 name=$2 path=$3 header=${4:-} base page load
  check "$path"
  load=$(background_cpu)
  base=$(wrk_json /healthz "")
  page=$(wrk_json "$path" "$SESSION_LIST" "$header")
  printf '{"phase": "%s", "page": "%s", "path": "%s", "header": "%s", "background_cpu": %s, "healthz": %s, "wrk": %s}\n' \
    "$phase" "$name" "$path" "$header" "$load" "$base" "$page" >>"$RESULTS"
  log "$phase $name: $page (healthz just before: $base)"
}

# export_times PHASE: EXPORTS sequential downloads of the officer's export.
export_times() {
  local phase=$1 cookie=${SESSION_LIST%% *} i line
  for i in $(seq "$EXPORTS"); do
    line=$(curl -s -o "$BENCH_DIR/export.xlsx" -b "sessionid=$cookie" \
      -w '{"status": %{http_code}, "bytes": %{size_download}, "seconds": %{time_total}}' \
      "$BASE/children/export.xlsx")
    printf '{"phase": "%s", "page": "export", "path": "/children/export.xlsx", "run": %d, "curl": %s}\n' \
      "$phase" "$i" "$line" >>"$RESULTS"
    log "$phase export $i: $line"
  done
}

# phase NAME USERNAME: every page as the officer of the dataset's first commune.
phase() {
  local name=$1 user=$2 cursor
  SESSION_LIST=$($PY bench/pages.py sessions "$user" "$SESSIONS" | tr '\n' ' ')
  cursor=$($PY bench/pages.py cursor "$user" 0.9)
  local -a pages=(
    "list|/children/|"
    "deep|/children/?after=$cursor|"
    "search|/children/?q=nguyen+thi|"
    "search-htmx|/children/?q=nguyen+thi|HX-Request: true"
    "search-typo|/children/?q=nguyen+thi+doii|"
    "filter|/children/?circumstance=MO_COI|"
  )
  local entry name_ path header
  for entry in "${pages[@]}"; do
    IFS='|' read -r name_ path header <<<"$entry"
    measure "$name" "$name_" "$path" "$header"
  done
  export_times "$name"
  log "$name: query plans"
  local urls=()
  for entry in "${pages[@]}"; do
    IFS='|' read -r name_ path header <<<"$entry"
    [ -z "$header" ] && urls+=("$path")
  done
  $PY bench/pages.py explain "$user" "$BENCH_OUT/plans-$name.txt" "${urls[@]}" \
    | sed "s/^/{\"phase\": \"$name\", \"explain\": /; s/\$/}/" >>"$RESULTS"
}

sizes() {
  "${PSQL[@]}" -At -F ' ' -c "SELECT 'children', count(*) FROM registry_child
    UNION ALL SELECT 'households', count(*) FROM registry_household
    UNION ALL SELECT 'circumstances', count(*) FROM registry_specialcircumstance
    UNION ALL SELECT 'communes', count(*) FROM registry_commune
    UNION ALL SELECT 'database_mb', pg_database_size('bench') / 1048576
    UNION ALL SELECT 'child_table_mb', pg_total_relation_size('registry_child') / 1048576" \
    | while read -r key value; do
        printf '{"phase": "%s", "size": "%s", "value": %s}\n' "$1" "$key" "$value"
      done >>"$RESULTS"
}

log "Generating the commune: 1 x $COMMUNE_CHILDREN children"
start=$(date +%s)
$PY bench/generate.py --code C --communes 1 --children-per-commune "$COMMUNE_CHILDREN" \
  --officer bench.commune | tee "$BENCH_OUT/generate-commune.log" || die "generate failed"
vacuum
printf '{"phase": "commune", "generate_seconds": %d}\n' $(($(date +%s) - start)) >>"$RESULTS"
sizes commune
phase commune bench.commune

log "Generating the province: $PROVINCE_COMMUNES x $PROVINCE_CHILDREN children ($PROVINCE_METHOD, $JOBS jobs)"
start=$(date +%s)
$PY bench/generate.py --code P --communes "$PROVINCE_COMMUNES" \
  --children-per-commune "$PROVINCE_CHILDREN" --officer bench.province \
  --jobs "$JOBS" --method "$PROVINCE_METHOD" | tee "$BENCH_OUT/generate-province.log" \
  || die "generate failed"
if [ "${SHUFFLE:-1}" = 1 ]; then
  # The generator writes commune after commune, so each commune's rows sit together
  # in the table; years of registrations in 100 communes interleave them. Rewrite
  # the table in the order of a hash of id (ids and every row stay the same).
  log "Interleaving the children of all communes in the table (CLUSTER on hashint8(id))"
  "${PSQL[@]}" -c "CREATE INDEX bench_shuffle ON registry_child ((hashint8(id)))" \
    -c "CLUSTER registry_child USING bench_shuffle" -c "DROP INDEX bench_shuffle" \
    || die "CLUSTER failed"
fi
vacuum
printf '{"phase": "province", "generate_seconds": %d, "shuffled": %s}\n' \
  $(($(date +%s) - start)) "$([ "${SHUFFLE:-1}" = 1 ] && echo true || echo false)" >>"$RESULTS"
sizes province
phase province bench.province

{
  printf '{"commit": "%s", "code": "%s", "date": "%s", "cores": %s, "duration": "%s", "connections": %s, "threads": %s, "postgres": "%s"}\n' \
    "$BENCH_COMMIT" "$BENCH_CODE" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$DURATION" \
    "$CONNECTIONS" "$THREADS" "$("${PSQL[@]}" -Atc 'SHOW server_version')"
} >>"$RESULTS"
$PY bench/report.py "$RESULTS" | tee "$BENCH_OUT/summary.md"
log "Results in $BENCH_OUT"
