from celery import shared_task
from django.db import OperationalError

from reports import services


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def render_document(document_id: int) -> None:
    """Render one requested document (retried only on database hiccups)."""
    services.document_render(document_id=document_id)
