"""Celery tasks of the registry: interfaces that take ids and call services."""

from celery import shared_task
from django.utils import timezone

from registry import upkeep
from registry.importing import services as importing

# A 5,000-row list takes about a minute to check and two to commit
# (docs/import-format.md); the limit leaves room for a 10,000-row file and a slow
# database without letting a stuck task run for ever.
IMPORT_TIME_LIMIT = 15 * 60


@shared_task(acks_late=True, time_limit=IMPORT_TIME_LIMIT)
def check_import(batch_id: int) -> None:
    """The dry run of an uploaded list (idempotent)."""
    importing.import_check(batch_id=batch_id)


@shared_task(acks_late=True, time_limit=IMPORT_TIME_LIMIT)
def commit_import(batch_id: int) -> None:
    """Add a checked list to the registry, all or nothing (idempotent)."""
    importing.import_commit(batch_id=batch_id)


# The nightly upkeep named in CELERY_BEAT_SCHEDULE (registry/upkeep.py).


@shared_task
def children_age_out() -> int:
    """Children who turned 16 become "aged out" (idempotent)."""
    return upkeep.children_age_out(today=timezone.localdate())


@shared_task
def insurance_flag_expiring() -> int:
    """Flag health-insurance cards that end within 30 days (idempotent)."""
    return upkeep.insurance_flag_expiring(today=timezone.localdate())
