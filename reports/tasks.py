from celery import shared_task
from django.db import OperationalError

from reports import services
from reports.dashboard import rollups
from reports.periodic import schedule


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    # A runaway render (a huge annex, a font problem) is stopped, not left to
    # hold a worker; beat's requeue gives it another chance later.
    soft_time_limit=120,
    time_limit=150,
)
def render_document(document_id: int) -> None:
    """Render one requested document (retried only on database hiccups)."""
    services.document_render(document_id=document_id)


@shared_task
def requeue_stale_documents() -> None:
    """Beat: queue again the documents whose task was lost."""
    for document_id in services.requeue_stale_documents():
        render_document.delay(document_id)


@shared_task
def prepare_periodic_drafts() -> None:
    """Beat, each morning: drafts of the periods that closed yesterday."""
    schedule.drafts_prepare()


@shared_task
def remind_report_deadlines() -> None:
    """Beat, each morning: reports due within days and not issued yet."""
    schedule.deadlines_remind()


@shared_task
def refresh_dashboards() -> None:
    """Beat: refresh every commune's dashboard rollups, one task per commune so
    the workers share a province. A task still queued at the next round is
    dropped (expires): the next round's does the same work."""
    for commune_id in rollups.communes_to_refresh():
        refresh_dashboard.apply_async(
            args=[commune_id], expires=rollups.REFRESH_SECONDS
        )


@shared_task(acks_late=True, autoretry_for=(OperationalError,), max_retries=2)
def refresh_dashboard(commune_id: int) -> None:
    """One commune's rollups (retried only on database hiccups)."""
    rollups.rollup_refresh_commune(commune_id=commune_id)
