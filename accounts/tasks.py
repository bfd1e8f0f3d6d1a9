from celery import shared_task
from django.db import OperationalError

from accounts.notifications import outbox_drain


@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def drain_outbox() -> int:
    """Send the unsent e-mails of the outbox (after each notification, and by beat)."""
    return outbox_drain()
