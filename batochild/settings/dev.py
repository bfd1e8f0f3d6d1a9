"""Local development (`make run`): debug on, a per-checkout secret key."""

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _local_secret_key() -> str:
    # Generated once per checkout and kept under the git-ignored .local/ folder,
    # so no key is ever committed.
    path = BASE_DIR / ".local" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


os.environ.setdefault("DJANGO_SECRET_KEY", _local_secret_key())
os.environ.setdefault("DJANGO_DEBUG", "1")

from .base import *  # noqa: E402, F403
