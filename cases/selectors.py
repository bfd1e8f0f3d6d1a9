"""Reads of incident reports: every query starts from visible_to(user)."""

from django.db.models import QuerySet

from accounts.scope import COMMUNE_WIDE_ROLES, get_visible_or_404, user_scope
from cases.models import IncidentReport

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
