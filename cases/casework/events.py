"""One line on the case's timeline and in the audit log, for every step's write."""

from accounts.services import audit_record
from cases.models import Case, CaseEvent


def case_event(
    *, actor, case: Case, action: str, note: str = "", request=None, obj=None
) -> CaseEvent:
    """Record `action` ("assessment.m02", "plan.approved", …) on the timeline and
    audit it against `obj` (the step's row) or the case."""
    event = CaseEvent.objects.create(
        case=case,
        commune_id=case.commune_id,
        actor=actor,
        action=action,
        note=note[:5000],
    )
    audit_record(
        actor=actor,
        action=f"case.{action}",
        obj=obj or case,
        commune=case.commune_id,
        request=request,
    )
    return event
