#!/usr/bin/env bash
# The annex benchmark (bench/README.md, "Annex"): a throwaway PostgreSQL 15 on
# 127.0.0.1, a commune of COMMUNE_CHILDREN children with YEARS years of reports,
# cases and campaigns (bench/annex.py history), then compute_annex for the last
# 6-month period, RUNS times, in-process with the benchmark settings (DEBUG off),
# as the Celery worker would. Then OTHER_COMMUNES communes of children are added
# around it and the same annex is measured again.
#
#   bash bench/annex.sh        # about 3 minutes on 2 cores
#
# Runs from the checkout itself (no snapshot: it lasts minutes, not a quarter of
# an hour). Everything it starts is stopped on exit; its data folder is deleted
# unless KEEP=1. Results are appended to BENCH_OUT/annex.jsonl.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

COMMUNE_CHILDREN=${COMMUNE_CHILDREN:-5000}
YEARS=${YEARS:-3}
RUNS=${RUNS:-5}
OTHER_COMMUNES=${OTHER_COMMUNES:-20}
BENCH_DIR=${BENCH_DIR:-$(mktemp -d /tmp/batochild-annex.XXXXXX)}
BENCH_OUT=${BENCH_OUT:-$PWD/bench/results/$(date +%Y-%m-%d)}

cleanup() {
  trap - INT TERM EXIT
  stop_services
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$BENCH_DIR"; fi
}
trap cleanup INT TERM EXIT

ensure_venv
mkdir -p "$BENCH_OUT" "$BENCH_DIR"
chmod 755 "$BENCH_DIR"  # the postgres user must reach the cluster inside
export DJANGO_SETTINGS_MODULE=bench.settings
DJANGO_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
export DJANGO_SECRET_KEY
PY="$VENV/bin/python"

pg_port=$(free_port)
start_postgres "$BENCH_DIR/pg" "$pg_port"
ensure_database "$pg_port" bench
export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/bench"
PSQL=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d bench -X -q)
# The annex reads no cache and sends no task; Redis is not needed.
export REDIS_URL="redis://127.0.0.1:1/0"

log "Migrating"
$PY manage.py migrate --no-input -v0 || die "migrate failed"
log "Generating the commune: $COMMUNE_CHILDREN children, $YEARS years of history"
$PY bench/generate.py --code A --communes 1 --children-per-commune "$COMMUNE_CHILDREN" \
  --officer bench.annex || die "generate failed"
$PY bench/annex.py history --code A --years "$YEARS" || die "history failed"
"${PSQL[@]}" -c "VACUUM ANALYZE" || die "VACUUM failed"
OUT="$BENCH_OUT/annex.jsonl"
log "Measuring the annex ($RUNS runs after a warm-up)"
$PY bench/annex.py measure --code A --runs "$RUNS" --out "$OUT" || die "measure failed"
log "Measuring the whole 6-month report: annex and PDF, as the worker does it"
MEDIA_ROOT="$BENCH_DIR/media" $PY bench/annex.py report --code A --runs 3 --out "$OUT" \
  || die "report failed"

if [ "$OTHER_COMMUNES" -gt 0 ]; then
  log "Adding $OTHER_COMMUNES communes of $COMMUNE_CHILDREN children around it"
  $PY bench/generate.py --code B --communes "$OTHER_COMMUNES" \
    --children-per-commune "$COMMUNE_CHILDREN" --jobs 2 --method copy \
    || die "generate failed"
  "${PSQL[@]}" -c "VACUUM ANALYZE" || die "VACUUM failed"
  $PY bench/annex.py measure --code A --runs "$RUNS" --out "$OUT" || die "measure failed"
fi
printf '{"commit": "%s", "uncommitted_files": %s, "date": "%s", "cores": %s, "postgres": "%s"}\n' \
  "$(git rev-parse --short HEAD)" "$(git status --porcelain | wc -l)" \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$("${PSQL[@]}" -Atc 'SHOW server_version')" >>"$OUT"
log "Results appended to $OUT"
