"""Helpers of bench/dashboard.sh: a province's years of casework, the users who
read the dashboards, the rollups' refresh, and the summary.

    dashboard.py history --code P [--jobs 2] [--years 3] [--cases-per-year 56]
        every commune of dataset P (generate.py) gets --years years of incident
        reports, cases through the NĐ 56 steps, referrals and campaigns
        (bench/annex.py's History), open cases a deadline
    dashboard.py users --code P
        bench.chairman, the chairman of P0001, and bench.viewer, the province
        viewer of P's province
    dashboard.py refresh --code P [--jobs 2]
        rollup_refresh_commune for every commune, timed; one JSON line
    dashboard.py summary RESULTS
        the Markdown tables of a results.jsonl

For a throwaway database only (bench/dashboard.sh makes one).
"""

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["DATABASE_POOL_MAX_SIZE"] = "0"

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from accounts.models import Assignment, Role, User  # noqa: E402
from bench.annex import AUTO_NOW, History  # noqa: E402
from registry.models import Commune  # noqa: E402
from reports.dashboard.rollups import rollup_refresh_commune  # noqa: E402

WORKER = "bench.worker"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def communes_of(code: str) -> list[int]:
    return list(
        Commune.objects.filter(province__code=f"B{code.upper()}")
        .order_by("admin_code")
        .values_list("pk", flat=True)
    )


def _share(ids: list[int], jobs: int) -> list[list[int]]:
    return [ids[j::jobs] for j in range(jobs)]


def _run(work, function, jobs: int) -> list:
    if jobs == 1:
        return [function(work[0])]
    connection.close()  # never share a connection across fork()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return list(pool.imap_unordered(function, work))


def _history_of(job: tuple) -> int:
    ids, args = job
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    worker = User.objects.get(username=WORKER)
    History.REPORTS_PER_YEAR = args.reports_per_year
    History.CASES_PER_YEAR = args.cases_per_year
    started, made = time.monotonic(), 0
    for done, commune in enumerate(Commune.objects.filter(pk__in=ids), start=1):
        rng = random.Random(f"bench-dashboard-{commune.admin_code}")  # noqa: S311
        with transaction.atomic():
            history = History(commune, worker, args.years, rng)
            history.incidents()
            history.cases()
            history.campaigns()
        made += 1
        if done % 25 == 0:
            say(
                f"  [{os.getpid()}] {done}/{len(ids)} communes, {time.monotonic() - started:.0f} s"
            )
    connection.close()
    return made


def history(args) -> int:
    for model, name in AUTO_NOW:
        model._meta.get_field(name).auto_now_add = False  # invented past dates
    User.objects.get_or_create(username=WORKER, defaults={"full_name": "Cán Bộ Đo Tải"})
    ids = communes_of(args.code)
    started = time.monotonic()
    jobs = max(1, min(args.jobs, len(ids)))
    made = sum(_run([(part, args) for part in _share(ids, jobs)], _history_of, jobs))
    with connection.cursor() as cursor:
        # History leaves open cases without a deadline; give each the 5 days a
        # step takes, counted from when it began (so the old ones are overdue).
        cursor.execute(
            "UPDATE cases_case SET due_at = status_changed_at + interval '5 days' "
            "WHERE status <> 'closed' AND due_at IS NULL"
        )
    say(f"History of {made} communes in {time.monotonic() - started:.0f} s")
    return 0


def users(args) -> int:
    first = Commune.objects.select_related("province").get(
        admin_code=f"{args.code.upper()}0001"
    )
    for username, role, place in (
        ("bench.chairman", Role.CHAIRMAN, {"commune": first}),
        ("bench.viewer", Role.PROVINCE_VIEWER, {"province": first.province}),
    ):
        user, _ = User.objects.get_or_create(
            username=username, defaults={"full_name": username}
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        Assignment.objects.get_or_create(user=user, role=role, **place)
    return 0


def _refresh(ids: list[int]) -> list[float]:
    connection.close()
    timings = []
    for commune_id in ids:
        started = time.perf_counter()
        rollup_refresh_commune(commune_id=commune_id)
        timings.append(time.perf_counter() - started)
    connection.close()
    return timings


def refresh(args) -> int:
    ids = communes_of(args.code)
    jobs = max(1, min(args.jobs, len(ids)))
    started = time.monotonic()
    timings = [t for part in _run(_share(ids, jobs), _refresh, jobs) for t in part]
    result = {
        "phase": "refresh",
        "communes": len(ids),
        "jobs": jobs,
        "wall_s": round(time.monotonic() - started, 1),
        "commune_median_s": round(statistics.median(timings), 3),
        "commune_max_s": round(max(timings), 3),
        "worker_s": round(sum(timings), 1),
    }
    say(json.dumps(result))
    return 0


def ms(us: float) -> str:
    return f"{us / 1000:.1f}"


def summary(args) -> int:
    rows = [
        json.loads(line) for line in Path(args.results).read_text().splitlines() if line
    ]
    out = []
    meta = next((r for r in rows if "commit" in r), None)
    if meta:
        out.append(
            f"Commit {meta['commit']} ({meta['code']}), {meta['date']}, {meta['cores']} "
            f"cores, PostgreSQL {meta['postgres']}; wrk {meta['threads']} threads, "
            f"{meta['connections']} connections, {meta['duration']} per page.\n"
        )
    sizes = {r["size"]: r["value"] for r in rows if "size" in r}
    if sizes:
        out.append(
            ", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in sizes.items()) + ".\n"
        )
    out.extend(
        f"Rollup refresh: {r['communes']} communes in {r['wall_s']} s with "
        f"{r['jobs']} processes ({r['worker_s']} s of work; a commune: median "
        f"{r['commune_median_s']} s, slowest {r['commune_max_s']} s).\n"
        for r in rows
        if r.get("phase") == "refresh"
    )
    explained = {r["explain"]["url"]: r["explain"] for r in rows if "explain" in r}
    out.append(
        "| page | req/s | p50 ms | p95 ms | p99 ms | /healthz just before: req/s, p50, p95 "
        "| queries | DB ms | in-process ms | other CPU % |"
    )
    out.append("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for r in (r for r in rows if "wrk" in r):
        w, h = r["wrk"], r["healthz"]
        info = explained.get(r["path"], {})
        errors = ""
        if w["non_2xx_3xx"] or w["socket_errors"]:
            errors = (
                f" ({w['non_2xx_3xx']} non-2xx, {w['socket_errors']} socket errors)"
            )
        out.append(
            f"| {r['page']}{errors} | {w['rps']:,.0f} | {ms(w['p50_us'])} | "
            f"{ms(w['p95_us'])} | {ms(w['p99_us'])} | {h['rps']:,.0f}, "
            f"{ms(h['p50_us'])}, {ms(h['p95_us'])} | {info.get('queries', '')} | "
            f"{info.get('db_ms', '')} | {info.get('in_process_ms', '')} | "
            f"{r.get('background_cpu', '')} |"
        )
    say("\n".join(out))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    made = sub.add_parser("history")
    made.add_argument("--code", required=True)
    made.add_argument("--jobs", type=int, default=2)
    made.add_argument("--years", type=int, default=3)
    made.add_argument("--cases-per-year", type=int, default=56)
    made.add_argument("--reports-per-year", type=int, default=120)
    people = sub.add_parser("users")
    people.add_argument("--code", required=True)
    again = sub.add_parser("refresh")
    again.add_argument("--code", required=True)
    again.add_argument("--jobs", type=int, default=2)
    table = sub.add_parser("summary")
    table.add_argument("results")
    args = parser.parse_args(argv)
    return {"history": history, "users": users, "refresh": refresh, "summary": summary}[
        args.command
    ](args)


if __name__ == "__main__":
    sys.exit(main())
