"""Reads owned by reports."""

from accounts.scope import get_visible_or_404
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
