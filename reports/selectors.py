"""Reads owned by reports."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.scope import get_visible_or_404, user_scope
from reports.models import GeneratedDocument, PeriodicReport


def documents_for(user, *, limit: int = 50):
    """The latest documents the user may see, newest first."""
    return (
        GeneratedDocument.objects.visible_to(user)
        .select_related("requested_by", "commune")
        .order_by("-created_at")[:limit]
    )


def document_get_for_user(user, code) -> GeneratedDocument:
    """Gatekeeper: the document if `user` may see it, else 404."""
    return get_visible_or_404(
        GeneratedDocument.objects.select_related("commune", "requested_by"),
        user,
        code=code,
    )


def reports_for(user, *, limit: int = 100):
    """The periodic reports the user may see, latest period first."""
    return (
        PeriodicReport.objects.visible_to(user)
        .select_related("commune", "document")
        .order_by("-data_to", "-pk")[:limit]
    )


def report_get_for_user(user, code) -> PeriodicReport:
    """Gatekeeper: the report if `user` may see it, else 404."""
    return get_visible_or_404(
        PeriodicReport.objects.select_related("commune", "document", "issued_by"),
        user,
        code=code,
    )


def issued_report_for_verification(user, verification: str) -> PeriodicReport:
    """Gatekeeper of the verification code: an issued (or superseded) report, for
    the commune's staff who see reports and for the viewers of its province, who
    received it; 404 for anyone else."""
    scope = user_scope(user)
    mine = PeriodicReport.objects.visible_to(user).values("pk")
    issued = PeriodicReport.objects.filter(
        Q(pk__in=mine) | Q(commune__province_id__in=scope.province_ids),
        status__in=[PeriodicReport.Status.ISSUED, PeriodicReport.Status.SUPERSEDED],
    ).select_related("commune", "document", "issued_by")
    return get_object_or_404(issued, verification=verification.upper())
