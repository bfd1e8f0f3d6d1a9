"""Reads of incident reports: every query starts from visible_to(user)."""

import datetime

from django.db.models import F, Q, QuerySet

from accounts.scope import COMMUNE_WIDE_ROLES, get_visible_or_404, user_scope
from cases.models import Case, IncidentReport

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


def cases_for(user, *, status: str = "", overdue: bool = False, now=None):
    """Open cases first by deadline (the most urgent on top), with related rows."""
    queryset = Case.objects.visible_to(user).select_related(
        "child", "residential_group", "caseworker"
    )
    if status:
        queryset = queryset.filter(status=status)
    if overdue and now is not None:
        queryset = queryset.overdue(now)
    return queryset.order_by(F("due_at").asc(nulls_last=True), "-created_at")[:200]
