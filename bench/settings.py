"""Settings for the benchmarks: the base settings as in production, DEBUG off.

Only for a throwaway database on 127.0.0.1 (bench/run.sh). The secret key comes
from the environment (run.sh exports a random DJANGO_SECRET_KEY per run, shared by
the generator and every gunicorn worker, so sessions made by one are valid in the
others). Static files are collected into STATIC_ROOT by run.sh, so the manifest
storage of base.py is exercised as in production.
"""

import os

if not os.environ.get("DJANGO_SECRET_KEY"):
    raise RuntimeError("bench/settings.py: export DJANGO_SECRET_KEY (run.sh does)")
os.environ["DJANGO_DEBUG"] = "0"

from batochild.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# A console line per request would measure the terminal, not the app.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
