"""Reads of incident reports: every query starts from visible_to(user)."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from accounts.scope import COMMUNE_WIDE_ROLES, get_visible_or_404, user_scope
from cases.models import Case, CaseStatus, DetailedAssessment, IncidentReport, Referral

INBOX_LIMIT = 200


def incident_get_for_user(user, code) -> IncidentReport:
    """Gatekeeper: the report if `user` may see it, else 404."""
    queryset = IncidentReport.objects.select_related(
        "residential_group", "child", "reported_by", "duplicate_of"
    )
    return get_visible_or_404(queryset, user, code=code)


def inbox(user) -> QuerySet:
    """New reports of the user's communes: most severe first, then newest."""
    return (
        IncidentReport.objects.visible_to(user)
        .open()
        .select_related("residential_group", "child")
        .order_by("-severity_rank", "-received_at")[:INBOX_LIMIT]
    )


def recently_triaged(user, limit: int = 20) -> QuerySet:
    return (
        IncidentReport.objects.visible_to(user)
        .exclude(status=IncidentReport.Status.NEW)
        .select_related("residential_group")
        .order_by("-triaged_at")[:limit]
    )


def reports_by(user, limit: int = 50) -> QuerySet:
    """The reports a reporter follows, newest first (status only is shown): their
    own, and for a partner those of their organisation too."""
    queryset = IncidentReport.objects.visible_to(user)
    if user_scope(user).has_role(*COMMUNE_WIDE_ROLES):
        queryset = queryset.filter(
            reported_by=user
        )  # officers: their own, not the inbox
    return queryset.select_related("residential_group").order_by("-received_at")[:limit]


PAGE_SIZE = 50


def all_reports(user, *, status: str = "", after: str = "") -> tuple[list, str | None]:
    """Every report the user may see, newest first, one keyset page at a time.

    `after` is the "<received_at ISO>|<id>" of the last row of the previous page.
    """
    queryset = IncidentReport.objects.visible_to(user).select_related(
        "residential_group"
    )
    if status:
        queryset = queryset.filter(status=status)
    if after:
        try:
            stamp, pk = after.split("|")
            last = datetime.datetime.fromisoformat(stamp)
            queryset = queryset.filter(
                Q(received_at__lt=last) | Q(received_at=last, pk__lt=int(pk))
            )
        except ValueError:
            pass  # a damaged cursor starts from the top
    rows = list(queryset.order_by("-received_at", "-pk")[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    cursor = f"{rows[-1].received_at.isoformat()}|{rows[-1].pk}" if more else None
    return rows, cursor


def case_get_for_user(user, code):
    """Gatekeeper: the case if `user` may see it, else 404."""
    queryset = Case.objects.select_related("child", "residential_group", "caseworker")
    return get_visible_or_404(queryset, user, code=code)


def cases_for(
    user,
    *,
    status: str = "",
    overdue: bool = False,
    level: str = "",
    group=None,
    caseworker=None,
    now=None,
    after: str = "",
) -> tuple[list, str | None]:
    """The user's cases, the nearest deadline first and those without one last,
    then by id; one keyset page at a time (`after`: the previous page's cursor).

    Filters narrow visible_to(user), so a group or caseworker of another commune
    only empties the page.
    """
    queryset = Case.objects.visible_to(user).select_related(
        "child", "residential_group", "caseworker"
    )
    if status:
        queryset = queryset.filter(status=status)
    if overdue and now is not None:
        queryset = queryset.overdue(now)
    if level:
        queryset = queryset.filter(level=level)
    if group is not None:
        queryset = queryset.filter(residential_group=group)
    if caseworker is not None:
        queryset = queryset.filter(caseworker=caseworker)
    queryset = _cases_after(queryset, after)
    rows = list(
        queryset.order_by(F("due_at").asc(nulls_last=True), "pk")[: PAGE_SIZE + 1]
    )
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    if not more:
        return rows, None
    last = rows[-1]
    return rows, f"{last.due_at.isoformat() if last.due_at else ''}|{last.pk}"


def _cases_after(queryset: QuerySet, after: str) -> QuerySet:
    """The rows after the cursor "<due_at ISO, empty when none>|<id>" in the order
    (due_at nulls last, id); a damaged cursor starts from the top."""
    if not after:
        return queryset
    try:
        stamp, pk = after.split("|")
        pk = int(pk)
        due = datetime.datetime.fromisoformat(stamp) if stamp else None
    except ValueError:
        return queryset
    if due is None:
        return queryset.filter(due_at__isnull=True, pk__gt=pk)
    if due.tzinfo is None:
        return queryset
    return queryset.filter(
        Q(due_at__gt=due) | Q(due_at=due, pk__gt=pk) | Q(due_at__isnull=True)
    )


# The deadline page's "due soon": what falls due within this window.
DUE_SOON = datetime.timedelta(days=2)


@dataclass(frozen=True)
class DeadlineBoard:
    overdue_cases: list
    soon_cases: list
    overdue_referrals: list
    soon_referrals: list
    untriaged_reports: list

    def __bool__(self) -> bool:
        return any(vars(self).values())


def deadline_board(user, now: datetime.datetime) -> DeadlineBoard:
    """What is late or nearly so in the communes where `user` is an officer or
    the chairman: open cases and referrals, and new reports past triage."""
    communes = user_scope(user).communes_for(*COMMUNE_WIDE_ROLES)
    today = timezone.localdate(now)
    cases = (
        Case.objects.visible_to(user)
        .open()
        .filter(commune_id__in=communes)
        .select_related("child", "residential_group", "caseworker")
        .order_by("due_at", "pk")
    )
    referrals = (
        Referral.objects.visible_to(user)
        .open()
        .filter(commune_id__in=communes)
        .exclude(case__status=CaseStatus.CLOSED)
        .select_related("case")
        .order_by("due_on", "pk")
    )
    reports = (
        IncidentReport.objects.visible_to(user)
        .open()
        .filter(commune_id__in=communes, triage_due_at__lt=now)
        .select_related("residential_group")
        .order_by("triage_due_at", "pk")
    )
    return DeadlineBoard(
        overdue_cases=list(cases.filter(due_at__lt=now)),
        soon_cases=list(cases.filter(due_at__gte=now, due_at__lt=now + DUE_SOON)),
        overdue_referrals=list(referrals.filter(due_on__lt=today)),
        soon_referrals=list(
            referrals.filter(due_on__gte=today, due_on__lte=today + DUE_SOON)
        ),
        untriaged_reports=list(reports),
    )


def detailed_assessment_of(case) -> DetailedAssessment | None:
    """Mẫu 03 of a case the caller already reached through case_get_for_user."""
    return DetailedAssessment.objects.filter(case=case).first()
