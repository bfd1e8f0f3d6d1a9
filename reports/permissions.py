"""Who may do what with generated documents: pure predicates."""

from accounts.models import Role
from accounts.scope import user_scope


def can_see_documents(user) -> bool:
    return user_scope(user).has_role(Role.OFFICER, Role.CHAIRMAN, Role.CLERK)


def can_request_document(user, commune) -> bool:
    """Officers and chairmen of the commune produce its documents."""
    return commune.pk in user_scope(user).communes_for(Role.OFFICER, Role.CHAIRMAN)
