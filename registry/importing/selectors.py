"""Reads of imports: every query starts from visible_to(user)."""

from django.db.models import QuerySet

from accounts.scope import get_visible_or_404
from registry.models import ImportBatch


def import_batches_for(user, commune, *, limit: int = 10) -> QuerySet:
    """The latest imports of the commune the user may see, newest first."""
    return (
        ImportBatch.objects.visible_to(user)
        .filter(commune=commune)
        .select_related("uploaded_by")
        .order_by("-created_at")[:limit]
    )


def import_batch_get_for_user(user, code) -> ImportBatch:
    """Gatekeeper: the import if `user` may see it, else 404."""
    return get_visible_or_404(
        ImportBatch.objects.select_related("commune", "uploaded_by", "committed_by"),
        user,
        code=code,
    )


# Rows listed per section of the check page; the counts give the rest.
SHOWN_ROWS = 200


def _section(rows: list[dict]) -> dict:
    return {
        "rows": rows[:SHOWN_ROWS],
        "count": len(rows),
        "more": max(0, len(rows) - SHOWN_ROWS),
    }


def import_page(batch: ImportBatch) -> dict:
    """The check page's context: the stored dry run, split by action."""
    rows = batch.result.get("rows", [])
    by_action: dict[str, list[dict]] = {}
    for row in rows:
        by_action.setdefault(row["action"], []).append(row)
    errors = [
        {"row": row["row"], **error}
        for row in by_action.get("error", [])
        for error in row["errors"]
    ]
    return {
        "batch": batch,
        # Read and ignored columns together, in the file's order.
        "columns": sorted(
            batch.result.get("columns", []) + batch.result.get("ignored", []),
            key=lambda c: c.get("index", 0),
        ),
        "errors": _section(errors),
        "duplicates": _section(by_action.get("duplicate", [])),
        "creates": _section(by_action.get("create", [])),
        "updates": _section(by_action.get("update", [])),
        "commit_errors": batch.result.get("commit_errors", []),
    }
