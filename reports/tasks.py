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


@shared_task
def requeue_stale_documents() -> None:
    """Beat: queue again the documents whose task was lost."""
    for document_id in services.requeue_stale_documents():
        render_document.delay(document_id)
