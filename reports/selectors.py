"""Reads owned by reports."""

from accounts.scope import get_visible_or_404
from reports.models import GeneratedDocument


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
