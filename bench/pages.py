"""Helpers of bench/run.sh that need Django: sessions, a deep cursor, query plans.

    pages.py sessions USERNAME N       N session keys of USERNAME, one a line
    pages.py cursor USERNAME FRACTION  the list cursor after the child at FRACTION
                                       (0.9: 90 % down the user's list)
    pages.py explain USERNAME OUT URL...
        GET each URL in-process as USERNAME (a warm-up, then 5 timed: the
        median is reported), capture the SQL of the last, and write EXPLAIN (ANALYZE, BUFFERS) of every SELECT
        to OUT; prints one JSON line per URL (status, queries, SQL ms).

Sessions are written directly with the session engine, as a login would leave
them (the user has no password: the generator made it).
"""

import json
import os
import re
import statistics
import sys
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["DATABASE_POOL_MAX_SIZE"] = "0"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from registry import selectors  # noqa: E402

TIMES = re.compile(r"^(?:Planning|Execution) Time: ([\d.]+) ms", re.MULTILINE)
SESSION_VALUES = re.compile(r"(session_(?:key|data)\"?\)?(?:::text)? = )'[^']*'")
REPEAT = 5  # in-process requests per URL; the median is reported
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def make_session(user) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = MODEL_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def deep_cursor(user, fraction: float) -> str:
    ordered = selectors.children_for(user, {}).order_by("full_name", "pk")
    total = ordered.count()
    child = ordered[min(total - 1, int(total * fraction))]
    return selectors.encode_cursor(child)


def redact(sql: str) -> str:
    """The plans are kept in the repository: no session key or data in them."""
    return SESSION_VALUES.sub(r"\1'<redacted>'", sql)


def explain(user, out: Path, urls: list[str]) -> None:
    client = Client(SERVER_NAME="127.0.0.1")
    client.cookies[settings.SESSION_COOKIE_NAME] = make_session(user)
    with out.open("w", encoding="utf-8") as fh:
        for url in urls:
            client.get(url)  # warm: caches, the pool, the buffer cache
            timings = []
            for _ in range(REPEAT):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
            elapsed = statistics.median(timings)
            queries = captured.captured_queries
            plans, db_ms = [], 0.0
            for query in queries:
                plan = None
                if query["sql"].lstrip().upper().startswith("SELECT"):
                    with connection.cursor() as cursor:
                        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                        plan = "\n".join(row[0] for row in cursor.fetchall())
                    db_ms += sum(float(m.group(1)) for m in TIMES.finditer(plan))
                plans.append(plan)
            fh.write(f"{'=' * 78}\nGET {url}\n")
            fh.write(
                f"status {response.status_code}, {len(queries)} queries "
                f"({db_ms:.2f} ms planning + execution of the SELECTs, by EXPLAIN), "
                f"{elapsed:.1f} ms in-process (Django test client, median of {REPEAT})\n\n"
            )
            for n, (query, plan) in enumerate(zip(queries, plans, strict=True), 1):
                fh.write(f"--- query {n}\n{redact(query['sql'])}\n")
                fh.write(redact(plan or "(not a SELECT: not explained)") + "\n\n")
            say(
                json.dumps(
                    {
                        "url": url,
                        "status": response.status_code,
                        "queries": len(queries),
                        "db_ms": round(db_ms, 2),
                        "in_process_ms": round(elapsed, 1),
                    }
                )
            )


def main(argv: list[str]) -> int:
    command, username, *rest = argv
    user = User.objects.get(username=username)
    if command == "sessions":
        for _ in range(int(rest[0])):
            say(make_session(user))
    elif command == "cursor":
        say(deep_cursor(user, float(rest[0])))
    elif command == "explain":
        explain(user, Path(rest[0]), rest[1:])
    else:
        say(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
