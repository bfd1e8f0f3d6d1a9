"""Writes owned by accounts: the audit log."""

from axes.helpers import get_client_ip_address
from django.db import models

from accounts.models import AuditEntry, User
from accounts.scope import user_scope


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    commune=None,
    request=None,
    detail: dict | None = None,
) -> AuditEntry:
    """Record "actor did action on obj": role, UTC time and IP included.

    Call it inside the service's transaction for writes, directly for reads.
    `detail` must hold codes and ids only — never a child's name or a narrative.
    """
    if obj is not None and commune is None:
        commune = getattr(obj, "commune", None)
    # An id is enough: callers that hold only the id spare a query for the row.
    commune_id = commune if isinstance(commune, int) else getattr(commune, "pk", None)
    roles = sorted(user_scope(actor).roles) if actor is not None else []
    entry = AuditEntry(
        user=actor,
        roles=",".join(roles),
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(getattr(obj, "code", None) or getattr(obj, "pk", ""))
        if obj
        else "",
        commune_id=commune_id,
        ip=get_client_ip_address(request) if request is not None else None,
        detail=detail or {},
    )
    entry.save()
    return entry
