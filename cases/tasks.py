from celery import shared_task
from django.db import transaction
from django.utils import timezone

from cases import notify
from cases.casework import reminders
from cases.models import IncidentReport


@shared_task
def remind_overdue_triage() -> int:
    """Beat: remind the officers and the chairman of reports waiting past their
    triage deadline (NĐ 56 Điều 26). Each report is claimed by a conditional UPDATE,
    so it is reminded exactly once even with two beats or a retry."""
    now = timezone.now()
    due = IncidentReport.objects.filter(
        status=IncidentReport.Status.NEW,
        triage_due_at__lte=now,
        reminded_at__isnull=True,
    ).values_list("pk", flat=True)
    reminded = 0
    for pk in list(due[:500]):
        with transaction.atomic():
            claimed = IncidentReport.objects.filter(
                pk=pk,
                status=IncidentReport.Status.NEW,
                reminded_at__isnull=True,
            ).update(reminded_at=now)
            if claimed != 1:
                continue
            report = IncidentReport.objects.select_related(
                "commune", "residential_group"
            ).get(pk=pk)
            notify.incident_triage_overdue(report)
            reminded += 1
    return reminded


@shared_task
def remind_case_deadlines() -> int:
    """Beat: reminders before and at each case and referral deadline; the ledger
    in cases/casework/reminders.py sends each one once."""
    return reminders.send_case_reminders()
