"""Beat's part in periodic reports: prepare each draft the morning after its
period closes, and remind the officers and the chairman before it is due —
once, even with two beat processes (the reminder is claimed by an UPDATE)."""

import datetime
import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from accounts.models import Assignment, Role, User
from accounts.notifications import notify
from registry.models import Commune
from reports.models import PeriodicReport
from reports.periodic.config import profile_for
from reports.periodic.periods import closing_on
from reports.periodic.services import report_create, report_title

REMIND_DAYS_BEFORE = 3
logger = logging.getLogger(__name__)


def _people(commune_id: int, *roles) -> list[User]:
    ids = Assignment.objects.filter(commune_id=commune_id, role__in=roles).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=ids, is_active=True).order_by("pk"))


LOOK_BACK_DAYS = 7


def drafts_prepare(today: datetime.date | None = None) -> list[PeriodicReport]:
    """Drafts of the periods that closed in the last week and have none yet (a
    day beat was down is caught up), for every commune with an officer, who are
    told. One commune's failure does not stop the others."""
    today = today or timezone.localdate()
    with_officer = Assignment.objects.filter(role=Role.OFFICER).values("commune_id")
    made = []
    for commune in Commune.objects.filter(pk__in=with_officer).order_by("pk"):
        profile = profile_for(commune)
        for back in range(1, LOOK_BACK_DAYS + 1):
            closed_on = today - datetime.timedelta(days=back)
            for kind, year in closing_on(closed_on, profile):
                report = _prepare(commune, kind, year)
                if report is not None:
                    made.append(report)
    return made


def _prepare(commune, kind: str, year: int) -> PeriodicReport | None:
    if PeriodicReport.objects.filter(commune=commune, kind=kind, year=year).exists():
        return None
    try:
        with transaction.atomic():
            report = report_create(actor=None, commune=commune, kind=kind, year=year)
            _tell(
                report,
                _people(commune.pk, Role.OFFICER),
                _("A draft is ready: %(title)s, due %(due)s."),
            )
    except Exception:
        logger.exception(
            "Draft %s %s of commune %s not prepared", kind, year, commune.pk
        )
        return None
    return report


def deadlines_remind(today: datetime.date | None = None) -> int:
    """Reports not issued within REMIND_DAYS_BEFORE of their due date."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
    due = PeriodicReport.objects.filter(
        status__in=[PeriodicReport.Status.DRAFT, PeriodicReport.Status.READY],
        due_on__lte=horizon,
        reminded_on__isnull=True,
    ).select_related("commune")
    sent = 0
    for report in due:
        with transaction.atomic():
            # Only the process whose UPDATE changes the row sends the reminder.
            claimed = PeriodicReport.objects.filter(
                pk=report.pk, reminded_on__isnull=True
            ).update(reminded_on=today)
            if not claimed:
                continue
            people = _people(report.commune_id, Role.OFFICER, Role.CHAIRMAN)
            _tell(report, people, _("%(title)s is due on %(due)s and not issued yet."))
        sent += 1
    return sent


def _tell(report: PeriodicReport, users, text: str) -> None:
    with override("vi"):
        title = text % {
            "title": report_title(report),
            "due": report.due_on.strftime("%d/%m/%Y"),
        }
    notify(
        users=users,
        commune=report.commune,
        kind="report",
        title=title,
        url=reverse("reports:report_detail", args=[report.code]),
        email_subject=title,
        email_body=title,
    )
