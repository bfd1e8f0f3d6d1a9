"""Who may do what with the self-assessment: pure predicates.

Officers fill it in, the chairman reads and approves it, the clerk reads it to
file the dossier; nobody else sees it (DOMAIN.md §15).
"""

from accounts.models import Role
from accounts.scope import user_scope


def can_see_assessments(user) -> bool:
    """The list page: officers, chairmen and clerks."""
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN, Role.CLERK)


def _holds(user, commune_id: int, *roles: str) -> bool:
    return commune_id in user_scope(user).communes_for(*roles)


def can_create_assessment(user, commune) -> bool:
    return commune is not None and _holds(user, commune.pk, Role.OFFICER)


def can_fill(user, assessment) -> bool:
    """Enter scores and the meeting, refresh the numbers, submit: the officer,
    until the chairman approves."""
    return assessment.is_editable and _holds(user, assessment.commune_id, Role.OFFICER)


def can_approve(user, assessment) -> bool:
    return assessment.status == assessment.Status.SUBMITTED and _holds(
        user, assessment.commune_id, Role.CHAIRMAN
    )


def can_generate(user, assessment) -> bool:
    """The dossier's PDFs: those who produce the commune's documents."""
    return _holds(user, assessment.commune_id, Role.OFFICER, Role.CHAIRMAN)


def can_see_evidence(user, assessment) -> bool:
    """Attached files may name children (a list, a photo): not the clerk."""
    return _holds(user, assessment.commune_id, Role.OFFICER, Role.CHAIRMAN)
